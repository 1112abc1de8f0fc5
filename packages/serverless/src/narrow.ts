import { ConfigError, parseBoolean, parseList, selectTools, type AnyTool } from '@chilipiper-mcp/core';
import { rpcError, INVALID_REQUEST } from './responses.js';

/** The tools one request may use, or the 400 response explaining why the narrowing is wrong. */
export type NarrowResult =
  | { readonly ok: true; readonly tools: readonly AnyTool[] }
  | { readonly ok: false; readonly response: Response };

const bad = (message: string): NarrowResult => ({
  ok: false,
  response: rpcError(400, INVALID_REQUEST, `Invalid tool narrowing: ${message}`),
});

/**
 * Applies the per-request narrowing (`X-Chilipiper-Tools` / `?tools=`, `X-Chilipiper-Read-Only` /
 * `?readOnly=`) to the deployment's tools, through core's tool selection. It only ever removes tools: a name
 * the deployment does not serve adds nothing, a name that exists nowhere is an error, and a narrowing that
 * leaves no tool is an error.
 */
export function narrowTools(
  request: Request,
  deployed: readonly AnyTool[],
  known: readonly AnyTool[],
): NarrowResult {
  const query = new URL(request.url).searchParams;
  const lists = [request.headers.get('x-chilipiper-tools'), query.get('tools')].filter(
    (v): v is string => v !== null,
  );
  let readOnly = false;
  try {
    for (const flag of [request.headers.get('x-chilipiper-read-only'), query.get('readOnly')]) {
      readOnly ||= parseBoolean('read-only flag', flag ?? undefined) ?? false;
    }
  } catch {
    return bad('the read-only flag must be "true" or "false".');
  }
  if (lists.length === 0 && !readOnly) return { ok: true, tools: deployed };
  let tools = deployed;
  try {
    for (const list of lists) {
      const include = parseList(list);
      if (!include) return bad('the tool list is empty.');
      // Names are checked against every known tool, so a tool this deployment hides is not "unknown".
      const named = new Set(selectTools(known, { include }).map((t) => t.name));
      tools = tools.filter((t) => named.has(t.name));
    }
    return { ok: true, tools: selectTools(tools, { readOnly }) };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return bad(error.field === 'filter' ? 'it matches no tool this server exposes.' : error.message);
  }
}
