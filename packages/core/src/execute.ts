import { ConfigError } from './config-error.js';
import { EdgeError, NOT_FOUND_ADVICE, redact } from './errors.js';
import { idHint } from './id-hint.js';
import { redactResult } from './redact.js';
import { resultUri } from './result-link.js';
import {
  DEFAULT_MAX_RESULT_CHARS,
  errorData,
  errorResult,
  jsonResult,
  textResult,
  type ToolResult,
} from './results.js';
import { send, type SendOptions } from './send.js';
import { shapeRecord, type FieldsChoice } from './shape.js';
import { fetchTextRange } from './text-range.js';
import { toRequest, type EdgeRequest } from './to-request.js';
import type { AnyTool } from './tool.js';
import { validateArgs } from './validate.js';
import { walkList } from './walk.js';

/** Options of {@link executeTool}: the key, where the Edge API is, and how big a result may be. */
export interface ExecuteOptions extends SendOptions {
  /** The Chili Piper API key this call is made with. */
  readonly apiKey: string;
  /** Cancels the call (and any retry wait). */
  readonly signal?: AbortSignal | undefined;
  /** Size budget of one result in characters (default 40000). */
  readonly maxResultChars?: number | undefined;
  /** Progress of calls that make several requests (split ranges, long walks). */
  readonly onProgress?: ((done: number, total: number | undefined) => void) | undefined;
  /** Give over-budget text answers as a summary plus a `resource_link` (the server reads them back). */
  readonly links?: boolean | undefined;
}

const OPTION_NAMES: ReadonlySet<string> = new Set([
  'apiKey',
  'signal',
  'maxResultChars',
  'onProgress',
  'links',
  'baseUrl',
  'fetch',
  'retry',
  'timeoutMs',
  'maxResponseBytes',
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

/** Room kept in the budget for the list envelope (`total`, `nextCursor`, `note`). */
const ENVELOPE_CHARS = 600;

async function run(tool: AnyTool, rawArgs: unknown, options: ExecuteOptions): Promise<ToolResult> {
  const input = validateArgs(tool, rawArgs);
  const maxChars = options.maxResultChars ?? DEFAULT_MAX_RESULT_CHARS;
  const sendFor = (request: EdgeRequest, target: AnyTool) =>
    send(target, request, { apiKey: options.apiKey, signal: options.signal }, options);
  const sendOne = (request: EdgeRequest) => sendFor(request, tool);
  const fields = input['fields'] as FieldsChoice;
  if (tool.view?.items !== undefined) {
    const page = await walkList(tool, input, fields, {
      send: sendFor,
      budget: maxChars - ENVELOPE_CHARS,
      onProgress: options.onProgress,
    });
    return jsonResult(page, maxChars + ENVELOPE_CHARS);
  }
  const { fields: _f, ...args } = input;
  if (tool.response !== 'json') {
    const text = await fetchTextRange(tool, args, sendOne, options.onProgress);
    return textResult(tool, text, maxChars, options.links ? { uri: resultUri(tool.name, args) } : undefined);
  }
  const response = await sendOne(toRequest(tool, args));
  return jsonResult(shapeRecord(tool, response.data, fields), maxChars);
}

/**
 * Runs one tool: validate (nothing is sent on bad input) → route → send → shape the result (lists walk pages
 * and split ranges; text over the budget is given by reference when `links` is on). Every failure becomes an
 * `isError` result whose text tells the model what to do next and whose `_meta["chilipiper-mcp/error"]`
 * carries the same facts as data. Throws only a {@link ConfigError} for an unknown option name.
 */
export async function executeTool(
  tool: AnyTool,
  rawArgs: unknown,
  options: ExecuteOptions,
): Promise<ToolResult> {
  checkOptionNames(options);
  try {
    // One place for the key: every success (lists, text ranges, records) is scrubbed before it leaves.
    return redactResult(await run(tool, rawArgs, options), options.apiKey);
  } catch (error) {
    if (error instanceof EdgeError) {
      const hint = error.kind === 'not-found' ? idHint(tool, rawArgs) : '';
      const message = hint ? error.message.replace(NOT_FOUND_ADVICE, hint) : error.message;
      return errorResult(redact(message, options.apiKey), errorData(error));
    }
    const message = error instanceof Error ? error.message : String(error);
    return errorResult(redact(`Internal error in ${tool.name}: ${message}`, options.apiKey), {
      kind: 'internal',
    });
  }
}
