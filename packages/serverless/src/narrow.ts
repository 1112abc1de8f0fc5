import { parseList, TOOL_GROUPS, type AnyTool, type ToolGroup } from '@chilipiper-mcp/core';
import { rpcError, INVALID_REQUEST } from './responses.js';

/** The tools one request may use, or the 400 response explaining why the narrowing is wrong. */
export type NarrowResult =
  | { readonly ok: true; readonly tools: readonly AnyTool[] }
  | { readonly ok: false; readonly response: Response };

const bad = (message: string): NarrowResult => ({
  ok: false,
  response: rpcError(400, INVALID_REQUEST, `Invalid tool narrowing: ${message}`),
});

function flag(value: string | null): boolean | undefined | 'invalid' {
  if (value === null || value === '') return undefined;
  const v = value.trim().toLowerCase();
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  return 'invalid';
}

/**
 * Applies the per-request narrowing (`X-Chilipiper-Tools` / `?tools=`, `X-Chilipiper-Read-Only` /
 * `?readOnly=`) to the deployment's tools. It only ever removes tools: a name the deployment does not serve
 * adds nothing, a name that exists nowhere is an error, and a narrowing that leaves no tool is an error.
 */
export function narrowTools(
  request: Request,
  deployed: readonly AnyTool[],
  known: readonly AnyTool[],
): NarrowResult {
  const query = new URL(request.url).searchParams;
  const lists = [request.headers.get('x-chilipiper-tools'), query.get('tools')]
    .filter((v): v is string => v !== null)
    .map((v) => parseList(v) ?? []);
  const flags = [flag(request.headers.get('x-chilipiper-read-only')), flag(query.get('readOnly'))];
  if (flags.includes('invalid')) return bad('the read-only flag must be "true" or "false".');
  const readOnly = flags.includes(true);
  if (lists.length === 0 && !readOnly) return { ok: true, tools: deployed };
  if (lists.some((l) => l.length === 0)) return bad('the tool list is empty.');

  const names = new Set(known.map((t) => t.name));
  const unknown = lists.flat().filter((n) => !names.has(n) && !TOOL_GROUPS.includes(n as ToolGroup));
  if (unknown.length > 0) return bad(`unknown tool or group ${unknown.map((u) => `"${u}"`).join(', ')}.`);

  const sets = lists.map((l) => new Set(l));
  const tools = deployed.filter(
    (t) => sets.every((s) => s.has(t.name) || s.has(t.group)) && (!readOnly || t.safety.kind === 'read'),
  );
  if (tools.length === 0) return bad('it matches no tool this server exposes.');
  return { ok: true, tools };
}
