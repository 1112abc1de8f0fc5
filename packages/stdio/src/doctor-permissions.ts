import {
  ERROR_META_KEY,
  executeTool,
  getTool,
  resultText,
  type AnyTool,
  type ErrorData,
} from '@chilipiper-mcp/core';
import { PERMISSION_PROBES } from './permission-probes.js';
import type { Upstream } from './upstream.js';

/** The outcome of one call: its data, or its error as data. */
export type Outcome = { ok: true; data: unknown } | { ok: false; error: ErrorData; message: string };

/** Calls one tool through the executor, once, and returns its data or its error as data. */
export async function probeTool(name: string, args: object, upstream: Upstream): Promise<Outcome> {
  const result = await executeTool(getTool(name)!, args, {
    apiKey: upstream.apiKey,
    baseUrl: upstream.baseUrl,
    fetch: upstream.fetch,
    retry: { maxAttempts: 1 },
    timeoutMs: 10_000,
  });
  const text = resultText(result);
  const error = result._meta?.[ERROR_META_KEY];
  if (result.isError && error) return { ok: false, error, message: text };
  return { ok: true, data: result.structuredContent ?? text };
}

/** What doctor learnt about one permission. */
export type Verdict =
  | { readonly state: 'granted' }
  | { readonly state: 'missing' }
  | { readonly state: 'unknown'; readonly why: string }
  | { readonly state: 'unchecked'; readonly why: string };

/** A probe's outcome as a verdict: a 404 on an id that cannot exist means the key got past the permission check. */
export function verdictOf(outcome: Outcome): Verdict {
  if (outcome.ok || outcome.error.kind === 'not-found') return { state: 'granted' };
  if (outcome.error.kind === 'forbidden') return { state: 'missing' };
  return { state: 'unknown', why: outcome.message.split('\n')[0]! };
}

/** Probes each permission in `permissions` (a few at a time), except those whose outcome is already known. */
export async function checkPermissions(
  permissions: readonly string[],
  known: ReadonlyMap<string, Outcome>,
  upstream: Upstream,
): Promise<Map<string, Verdict>> {
  const verdicts = new Map<string, Verdict>();
  const queue = [...permissions];
  const worker = async () => {
    for (let permission = queue.shift(); permission; permission = queue.shift()) {
      const seen = known.get(permission);
      const probe = PERMISSION_PROBES[permission];
      if (seen) verdicts.set(permission, verdictOf(seen));
      else if (!probe) verdicts.set(permission, { state: 'unchecked', why: 'no call is known to test it' });
      else if ('reason' in probe) verdicts.set(permission, { state: 'unchecked', why: probe.reason });
      else verdicts.set(permission, verdictOf(await probeTool(probe.tool, probe.args, upstream)));
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return verdicts;
}

/** The report lines (symbol first) of the permission check over the selected tools. */
export function permissionReport(
  tools: readonly AnyTool[],
  verdicts: ReadonlyMap<string, Verdict>,
  readOnly: boolean,
): string[] {
  const sorted = [...verdicts].sort(([a], [b]) => a.localeCompare(b));
  const with_ = (state: Verdict['state']) => sorted.filter(([, v]) => v.state === state).map(([p]) => p);
  const granted = with_('granted');
  const missing = new Set(with_('missing'));
  const lines: string[] = [];
  if (granted.length > 0) lines.push(`✓ The key has ${granted.join(', ')}`);
  if (missing.size > 0) {
    const refused = tools.filter((t) => missing.has(t.permission)).map((t) => t.name);
    lines.push(
      `✗ The key lacks ${[...missing].join(', ')}, so it cannot call ${refused.length} of the ${tools.length} ` +
        `selected tools: ${refused.join(', ')}. An admin can add the permissions to the token in Command Center; ` +
        `or leave these tools out (${readOnly ? '' : '--read-only, '}--exclude-tools).`,
    );
  }
  for (const [permission, verdict] of sorted) {
    if (verdict.state === 'unknown') lines.push(`? Could not check ${permission}: ${verdict.why}`);
  }
  const unchecked = sorted.filter(([, v]) => v.state === 'unchecked');
  if (unchecked.length > 0) {
    const list = unchecked.map(([p, v]) => `${p} (${v.state === 'unchecked' ? v.why : ''})`);
    lines.push(`? Not checked (no call tests them without a risk of changing data): ${list.join('; ')}`);
  }
  return lines;
}
