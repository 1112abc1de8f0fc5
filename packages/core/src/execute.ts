import { ConfigError } from './config-error.js';
import { EdgeError, redact } from './errors.js';
import {
  DEFAULT_MAX_RESULT_CHARS,
  errorData,
  errorResult,
  toToolResult,
  type ToolResult,
} from './results.js';
import { send, type SendOptions } from './send.js';
import { toRequest } from './to-request.js';
import type { AnyTool } from './tool.js';
import { validateArgs } from './validate.js';

/** Options of {@link executeTool}: the key, where the Edge API is, and how big a result may be. */
export interface ExecuteOptions extends SendOptions {
  /** The Chili Piper API key this call is made with. */
  readonly apiKey: string;
  /** Cancels the call (and any retry wait). */
  readonly signal?: AbortSignal | undefined;
  /** Size budget of one result in characters (default 40000). */
  readonly maxResultChars?: number | undefined;
}

const OPTION_NAMES: ReadonlySet<string> = new Set([
  'apiKey',
  'signal',
  'maxResultChars',
  'baseUrl',
  'fetch',
  'retry',
  'timeoutMs',
  'sleep',
  'onAttempt',
] satisfies (keyof ExecuteOptions)[]);

/** Throws a {@link ConfigError} for an option name the executor does not know (a typo would be ignored). */
export function checkOptionNames(options: object, extra: ReadonlySet<string> = new Set()): void {
  const unknown = Object.keys(options).filter((k) => !OPTION_NAMES.has(k) && !extra.has(k));
  if (unknown.length > 0) {
    throw new ConfigError(
      `Unknown option ${unknown.map((k) => `"${k}"`).join(', ')}; known options: ${[...OPTION_NAMES, ...extra].join(', ')}.`,
      unknown[0],
    );
  }
}

/**
 * Runs one tool: validate (nothing is sent on bad input) → `toRequest` → send → shape the result.
 * Every failure becomes an `isError` result whose text tells the model what to do next and whose
 * `_meta["chilipiper-mcp/error"]` carries the same facts as data. Throws only a {@link ConfigError} for an
 * unknown option name.
 */
export async function executeTool(
  tool: AnyTool,
  rawArgs: unknown,
  options: ExecuteOptions,
): Promise<ToolResult> {
  checkOptionNames(options);
  const { apiKey } = options;
  try {
    const input = validateArgs(tool, rawArgs);
    const request = toRequest(tool, input);
    const response = await send(tool, request, { apiKey, signal: options.signal }, options);
    return toToolResult(tool, response, options.maxResultChars ?? DEFAULT_MAX_RESULT_CHARS);
  } catch (error) {
    if (error instanceof EdgeError) return errorResult(redact(error.message, apiKey), errorData(error));
    const message = error instanceof Error ? error.message : String(error);
    return errorResult(redact(`Internal error in ${tool.name}: ${message}`, apiKey), { kind: 'internal' });
  }
}
