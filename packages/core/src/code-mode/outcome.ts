import { cut, type Stop } from './failures.js';
import type { ScriptLimits, ScriptOutcome } from './types.js';

/** How the script's own promise ended, as reported by the prelude's `done`: its value as JSON, or its error. */
export type Finished =
  { readonly ok: true; readonly json: string | undefined } | { readonly ok: false; readonly message: string };

/**
 * The outcome of a run from how it ended: stopped (a limit, the caller, an engine error), failed by the
 * script's own error, or finished with a value, which must fit `resultChars` as JSON.
 */
export function toOutcome(
  end: Stop | Finished,
  base: { readonly logs: string[]; readonly calls: number; readonly ms: number },
  limits: ScriptLimits,
): ScriptOutcome {
  if ('kind' in end) return { ok: false, error: { kind: end.kind, message: end.message }, ...base };
  if (!end.ok) return { ok: false, error: { kind: 'runtime', message: cut(end.message) }, ...base };
  const { json } = end;
  if (json !== undefined && json.length > limits.resultChars) {
    const message = `The return value is ${json.length} characters of JSON; the limit is ${limits.resultChars}. Return less: filter, count or summarize inside the script.`;
    return { ok: false, error: { kind: 'output-limit', message }, ...base };
  }
  return { ok: true, value: json === undefined ? undefined : JSON.parse(json), ...base };
}
