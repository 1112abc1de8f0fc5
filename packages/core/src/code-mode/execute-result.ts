import type { ToolResult } from '../results.js';
import type { ScriptOutcome } from './types.js';

const CONSOLE_HEADER = '\n--- console ---\n';
const CONFIRM_HEADER = '\n--- needs confirmation (none of these was sent) ---\n';
const CONFIRM_FOOTER =
  '\nIn a script, confirm means calling the same cp method again with the same input plus confirm: the token.';

/**
 * The `execute` result a model reads: the script's return value as JSON (or why the run failed, as an error
 * result), the previews of calls held back for confirmation, then the captured console lines. The whole text
 * stays within `maxChars`: console lines that would not fit are dropped with a note (the engine's limits
 * normally keep it well inside), and so are previews past the first.
 */
export function toExecuteResult(
  outcome: ScriptOutcome,
  maxChars: number,
  hint?: string,
  previews: readonly string[] = [],
): ToolResult {
  const value = outcome.ok
    ? outcome.value === undefined
      ? 'The script returned nothing (undefined). Return the values you need.'
      : JSON.stringify(outcome.value)
    : `The script failed (${outcome.error.kind}): ${outcome.error.message}${hint ? `\n${hint}` : ''}`;
  const head = value + confirmText(previews, maxChars - value.length);
  const text = head + consoleText(outcome.logs, maxChars - head.length);
  return { content: [{ type: 'text', text }], ...(outcome.ok ? {} : { isError: true }) };
}

/** The console section, at most `room` characters (nothing when there are no lines or no room). */
function consoleText(lines: readonly string[], room: number): string {
  if (lines.length === 0) return '';
  const full = CONSOLE_HEADER + lines.join('\n');
  if (full.length <= room) return full;
  const note = (dropped: number) => `\n[${dropped} more console lines left out: the result is limited]`;
  const kept: string[] = [];
  let size = CONSOLE_HEADER.length;
  for (const line of lines) {
    if (size + line.length + 1 + note(lines.length).length > room) break;
    kept.push(line);
    size += line.length + 1;
  }
  if (kept.length === 0 && size + note(lines.length).length > room) return '';
  return CONSOLE_HEADER + kept.join('\n') + note(lines.length - kept.length);
}

/** The previews of held-back calls: the first always (it carries the token the model needs), the rest as fit. */
function confirmText(previews: readonly string[], room: number): string {
  if (previews.length === 0) return '';
  const kept = [previews[0]!];
  let size = CONFIRM_HEADER.length + CONFIRM_FOOTER.length + previews[0]!.length;
  for (const preview of previews.slice(1)) {
    if (size + preview.length + 200 > room) break;
    kept.push(preview);
    size += preview.length + 2;
  }
  const left = previews.length - kept.length;
  const more =
    left > 0 ? `\n\n[${left} more held-back calls left out: confirm these first, then run again]` : '';
  return CONFIRM_HEADER + kept.join('\n\n') + more + CONFIRM_FOOTER;
}
