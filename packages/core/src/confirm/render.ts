import type { ToolResult } from '../results.js';
import type { Preview } from './types.js';

/** The preview in lines a person reads: facts, changes, references, reads that failed. */
export function previewLines(preview: Preview): string[] {
  const lines: string[] = [];
  for (const [label, value] of Object.entries(preview.facts)) {
    if (typeof value === 'string') lines.push(`${label}: ${value}`);
    else lines.push(`${label}:`, ...value.map((v) => `  - ${v}`));
  }
  if (preview.changes?.length) {
    lines.push('Changes:', ...preview.changes.map((c) => `  - ${c.path}: ${c.before} → ${c.after}`));
    if (preview.changesLeftOut) lines.push(`  - and ${preview.changesLeftOut} more`);
  }
  for (const [label, refs] of Object.entries(preview.references ?? {})) {
    lines.push(refs.length ? `${label}:` : `${label}: none`, ...refs.map((r) => `  - ${r}`));
  }
  for (const note of preview.unread ?? []) lines.push(`Could not read ${note}`);
  return lines;
}

/** `HH:MM UTC` of an epoch time in seconds. */
const clock = (seconds: number) => `${new Date(seconds * 1000).toISOString().slice(11, 16)} UTC`;

/**
 * The answer to a guarded call made without a valid token: nothing was sent; here is what would change, and
 * the token that performs exactly this call. The same facts as data in `structuredContent`.
 */
export function previewResult(preview: Preview, token: string, expiresAt: number): ToolResult {
  const text = [
    `Not done yet: ${preview.tool} (${preview.action}) needs confirmation. Nothing was sent.`,
    ...previewLines(preview),
    `Show this to the person. Only if they agree, call ${preview.tool} again with the same arguments plus ` +
      `confirm: "${token}" (valid until ${clock(expiresAt)}).`,
  ].join('\n');
  return {
    content: [{ type: 'text', text }],
    structuredContent: {
      status: 'confirmation-required',
      ...preview,
      confirmationToken: token,
      expiresAt: new Date(expiresAt * 1000).toISOString(),
    },
  };
}

/** The question put to the person through MCP elicitation. */
export function elicitationMessage(preview: Preview): string {
  return [`${preview.action} (${preview.tool})?`, ...previewLines(preview)].join('\n');
}
