import { catalog } from './catalog.js';
import { ChiliPiperError } from './client-error.js';
import {
  toMethodName,
  type CallOptions,
  type ChiliPiperClient,
  type ClientOptions,
  type JsonResult,
  type TextResult,
} from './client-types.js';
import { ConfigError } from './config-error.js';
import { parseBaseUrl } from './env.js';
import { checkOptionNames, executeTool, type ExecuteOptions } from './execute.js';
import { selectTools } from './select.js';
import type { AnyTool } from './tool.js';

const FILTER_OPTIONS: ReadonlySet<string> = new Set(['include', 'exclude', 'readOnly']);

type Method = (input?: unknown, options?: CallOptions) => Promise<JsonResult | TextResult>;

/** Checks what only the client checks: a key, a real base URL when one is given, no client-wide signal. */
function checkClientOptions(options: ClientOptions): void {
  checkOptionNames(options, FILTER_OPTIONS);
  if ('signal' in options) {
    throw new ConfigError('signal is given per call: client.toolName(input, { signal }).', 'signal');
  }
  if (typeof options.apiKey !== 'string' || options.apiKey.trim() === '') {
    throw new ConfigError(
      'apiKey is required: an Edge API access token (Command Center > Integrations > Credentials > API Access Tokens).',
      'apiKey',
    );
  }
  if (options.baseUrl !== undefined && (typeof options.baseUrl !== 'string' || !options.baseUrl.trim())) {
    throw new ConfigError(
      'baseUrl is empty: leave it out for the Chili Piper Edge API, or give a URL.',
      'baseUrl',
    );
  }
}

/** One tool as a method: the executor underneath, the structured result out, a `ChiliPiperError` on failure. */
function toMethod(tool: AnyTool, execute: ExecuteOptions): Method {
  return async (input = {}, call = {}) => {
    const unknown = Object.keys(call).filter((k) => k !== 'signal');
    if (unknown.length > 0) {
      throw new ConfigError(`Unknown call option "${unknown[0]}"; known options: signal.`, unknown[0]);
    }
    const result = await executeTool(tool, input, { ...execute, signal: call.signal });
    if (result.isError) throw ChiliPiperError.fromResult(tool.name, result);
    return result.structuredContent ?? { text: result.content.map((c) => c.text).join('\n') };
  };
}

/**
 * A typed client of the Chili Piper tools, without MCP: one async method per enabled tool, named in camelCase
 * (`meeting-list-put` → `meetingListPut`), whose input type comes from the tool's schema. Each call runs the
 * same executor as the MCP server (validation, retries of idempotent calls, time budget, result size budget,
 * key redaction). A method resolves to the result's `structuredContent`, or to `{ text }` when the result has
 * no structured form (text and CSV tools), and rejects with a {@link ChiliPiperError} that carries the failure
 * as data. With `readOnly: true` the write methods are absent from the type and the object.
 *
 * Reads no environment variables. Throws a {@link ConfigError} at once for an unknown option name, a missing
 * key, a bad `baseUrl` or a tool filter that matches nothing.
 */
export function createChiliPiperClient<const TOptions extends ClientOptions>(
  options: TOptions & { readonly [K in Exclude<keyof TOptions, keyof ClientOptions>]: never },
): ChiliPiperClient<TOptions> {
  checkClientOptions(options);
  const { include, exclude, readOnly, baseUrl, ...execute } = options;
  const url = parseBaseUrl('baseUrl', baseUrl);
  const tools = selectTools(catalog, { include, exclude, readOnly });
  const settings: ExecuteOptions = { ...execute, ...(url === undefined ? {} : { baseUrl: url }) };
  const client: Record<string, Method> = {};
  for (const tool of tools) client[toMethodName(tool.name)] = toMethod(tool, settings);
  return Object.freeze(client) as unknown as ChiliPiperClient<TOptions>;
}
