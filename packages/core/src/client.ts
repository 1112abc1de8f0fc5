import { bindTools, type BoundTool } from './bind-tools.js';
import { ChiliPiperError } from './client-error.js';
import { resultText } from './results.js';
import {
  toMethodName,
  type CallOptions,
  type ChiliPiperClient,
  type ClientOptions,
  type JsonResult,
  type TextResult,
} from './client-types.js';

type Method = (input?: unknown, options?: CallOptions) => Promise<JsonResult | TextResult>;

/** One bound tool as a method: the structured result out, a `ChiliPiperError` on failure. */
function toMethod({ tool, run }: BoundTool): Method {
  return async (input = {}, call) => {
    const result = await run(input, call);
    if (result.isError) throw ChiliPiperError.fromResult(tool.name, result);
    return result.structuredContent ?? { text: resultText(result) };
  };
}

/**
 * A typed client of the Chili Piper tools, without MCP: one async method per enabled tool, named in camelCase
 * (`meeting-list-put` → `meetingListPut`), whose input type comes from the tool's schema. Each call runs the
 * same executor as the MCP server (validation, retries of idempotent calls, time budget, key redaction). A
 * method resolves to the result's `structuredContent` (a list as `{results, total?, nextCursor?}`: pass
 * `cursor: nextCursor` for more), or to `{ text }` for text and CSV tools, and rejects with a
 * {@link ChiliPiperError} that carries the failure as data. With `readOnly: true` the write methods are absent
 * from the type and the object. Code has no context window: results are not cut to a size budget unless
 * `maxResultChars` says so (a long export comes whole).
 *
 * Reads no environment variables. Throws a `ConfigError` at once for an unknown option name, a missing key,
 * a bad `baseUrl` or a tool filter that matches nothing.
 */
export function createChiliPiperClient<const TOptions extends ClientOptions>(
  options: TOptions & { readonly [K in Exclude<keyof TOptions, keyof ClientOptions>]: never },
): ChiliPiperClient<TOptions> {
  const client: Record<string, Method> = {};
  const unbounded = { maxResultChars: Number.POSITIVE_INFINITY, ...options };
  for (const bound of bindTools(unbounded)) client[toMethodName(bound.tool.name)] = toMethod(bound);
  return Object.freeze(client) as unknown as ChiliPiperClient<TOptions>;
}
