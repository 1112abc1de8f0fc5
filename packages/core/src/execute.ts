import { EdgeError, redact } from './errors.js';
import { redactResult } from './redact.js';
import { DEFAULT_MAX_RESULT_CHARS, errorResult, toToolResult, type ToolResult } from './results.js';
import { send, type SendOptions } from './send.js';
import { toRequest } from './to-request.js';
import type { AnyTool } from './tool.js';
import { validateArgs } from './validate.js';

/** Options of {@link executeTool}: how to reach the Edge API and how big a result may be. */
export interface ExecuteOptions extends SendOptions {
  /** Size budget of one result in characters (default 40000). */
  readonly maxResultChars?: number | undefined;
}

/** Per-call context: the API key to use and the caller's abort signal. */
export interface CallContext {
  readonly apiKey: string;
  readonly signal?: AbortSignal | undefined;
}

/**
 * Runs one tool: validate (nothing is sent on bad input) → `toRequest` → send → shape the result.
 * Every failure becomes an `isError` result whose text tells the model what to do next.
 */
export async function executeTool(
  tool: AnyTool,
  rawArgs: unknown,
  context: CallContext,
  options: ExecuteOptions = {},
): Promise<ToolResult> {
  try {
    const input = validateArgs(tool, rawArgs);
    const request = toRequest(tool, input);
    const response = await send(tool, request, context, options);
    return redactResult(
      toToolResult(tool, response, options.maxResultChars ?? DEFAULT_MAX_RESULT_CHARS),
      context.apiKey,
    );
  } catch (error) {
    if (error instanceof EdgeError) return errorResult(redact(error.message, context.apiKey));
    const message = error instanceof Error ? error.message : String(error);
    return errorResult(redact(`Internal error in ${tool.name}: ${message}`, context.apiKey));
  }
}
