import { toMethodName } from './client-types.js';
import { idSources } from './id-sources.js';
import type { Flow } from './tool.js';
import type { ToolCaller } from './tool-caller.js';

/** The notice sandbox servers add to their instructions (the stdio and HTTP CLIs pass it as `instructions`). */
export const SANDBOX_INSTRUCTIONS =
  'SANDBOX: this server answers from a local emulator of the Chili Piper Edge API with demo data (Acme Corp), ' +
  'not a real Chili Piper account; changes stay in memory. Say so when you report results.';

const cache = new Map<string, string>();
/** Distinct instruction texts kept (a stateless HTTP server builds a server, and so asks, per request). */
const CACHE_SIZE = 32;

type Caller = Pick<ToolCaller, 'tools' | 'confirm'>;

function generate(caller: Caller, extra: string | undefined, codeMode: boolean): string {
  const tools = caller.tools;
  const names = new Set(tools.map((t) => t.name));
  // In code mode the model writes cp.<method>() calls, so the text names methods rather than tools.
  const n = codeMode ? (name: string) => `cp.${toMethodName(name)}` : (name: string) => name;
  const lines = [
    codeMode
      ? 'Chili Piper Edge API in code mode: search finds cp methods, execute runs a script that calls them.'
      : 'Chili Piper Edge API tools.',
  ];
  lines[0] += ' Times are UTC ISO-8601 (2026-03-10T14:00:00Z): convert local times both ways.';
  const spans = tools.filter((t) => t.span);
  if (spans.length > 0) {
    const limits = spans.map((t) => `${n(t.name)} ${t.span!.maxDays}`).join(', ');
    const split = Math.min(...spans.map((t) => t.span!.splitUpTo ?? t.span!.maxDays));
    lines.push(
      `Days per request: ${limits}; ranges up to ${split} days are split for you, longer ones need several calls.`,
    );
  }
  if (tools.some((t) => t.view?.items !== undefined)) {
    lines.push(
      'Lists answer {results, nextCursor}: pass nextCursor as cursor for more. Items keep a few fields; fields:"all" returns every field.',
    );
  }
  const starts = new Set(tools.filter((t) => t.docs.flow?.role === 'start').map((t) => t.name));
  const sources = [...idSources(tools)].filter(([, tool]) => !starts.has(tool));
  if (sources.length > 0)
    lines.push(`Ids come from: ${sources.map(([id, tool]) => `${id} ${n(tool)}`).join(', ')}.`);
  const flows = new Map<string, string[]>();
  for (const t of tools) {
    const flow = t.docs.flow as Extract<Flow, { role: 'start' }> | undefined;
    if (flow?.role !== 'start' || !names.has(flow.next)) continue;
    const then = `${n(flow.next)} (${flow.yields.join(', ')})`;
    flows.set(then, [...(flows.get(then) ?? []), n(t.name)]);
  }
  if (flows.size > 0) {
    const list = [...flows].map(([then, from]) => `${from.join(' or ')} → ${then}`);
    lines.push(
      `Two-phase flows, single-use sessions; book a start time exactly as offered: ${list.join('; ')}.`,
    );
  }
  if (tools.some((t) => caller.confirm.guards(t))) {
    lines.push(
      codeMode
        ? "Confirmation is on: a destructive method throws and sends nothing; the run's result shows its " +
            'preview and a token. Show the preview to the person; only if they agree, call it again with the ' +
            'same input plus confirm: the token.'
        : 'Confirmation is on: destructive tools (destructiveHint) first answer a preview and a confirmationToken ' +
            'and change nothing. Show the preview to the person; only if they agree, call again with the same ' +
            'arguments plus confirm set to the token.',
    );
  }
  if (tools.every((t) => t.safety.kind === 'read')) lines.push('Read-only: no tool here changes data.');
  if (extra) lines.push(extra);
  return lines.join('\n');
}

/**
 * The instructions a server gives clients at initialization, generated from the tools it serves and its
 * confirmation policy (times, span limits, lists, where ids come from, the two-phase flows, confirmation),
 * followed by `extra` (e.g. {@link SANDBOX_INSTRUCTIONS}). In code mode it names `cp` methods instead of tools.
 * One place for every entry point.
 */
export function serverInstructions(caller: Caller, extra?: string, codeMode = false): string {
  const key = `${codeMode}\n${caller.confirm.tools}\n${extra ?? ''}\n${caller.tools.map((t) => t.name).join(',')}`;
  let text = cache.get(key);
  if (text === undefined) {
    text = generate(caller, extra, codeMode);
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(key, text);
  }
  return text;
}
