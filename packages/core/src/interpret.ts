import { errorBody, successData, tooLarge } from './content-check.js';
import { toEdgeError, type EdgeError } from './errors.js';
import type { RawAnswer } from './exchange.js';
import { namedSource } from './id-sources.js';
import { redirectError } from './redirect.js';
import { parseRetryAfter } from './retry-after.js';
import type { EdgeResponse } from './send.js';
import type { AnyTool } from './tool.js';

/** For a tool that takes a `revision`: the tool its description says gives it ('' when it names none). */
function revisionSource(tool: AnyTool): string | undefined {
  const field = tool.input.entries['revision'];
  return field ? (namedSource(field) ?? '') : undefined;
}

/** Statuses worth retrying for an idempotent call. */
const RETRY_STATUSES = new Set([429, 502, 503, 504]);

/** A failed answer: the error, whether an idempotent call may try again, and after how long the API asked. */
export interface Failure {
  readonly failure: EdgeError;
  readonly retryable: boolean;
  readonly retryAfter?: number | undefined;
}

/**
 * What one answer means: the response, or the failure and whether it may be retried. A redirect, a body over
 * the cap and content the tool does not expect are failures that are never retried.
 */
export function interpret(
  tool: AnyTool,
  answer: RawAnswer,
  attempt: number,
  maxBytes: number,
): EdgeResponse | Failure {
  if (answer.redirect) return { failure: redirectError(tool, answer, attempt), retryable: false };
  if (answer.status < 400) {
    if (answer.overflow) return { failure: tooLarge(tool, answer, maxBytes), retryable: false };
    const data = successData(tool, answer);
    return { status: answer.status, contentType: answer.contentType, data, attempts: attempt };
  }
  const retryAfter = parseRetryAfter(answer.retryAfter);
  const failure = toEdgeError({
    status: answer.status,
    body: errorBody(answer),
    toolName: tool.name,
    permission: tool.permission,
    idempotent: tool.safety.idempotent,
    reads: tool.safety.kind === 'read',
    revisionFrom: revisionSource(tool),
    retryAfterSeconds: retryAfter,
    attempts: attempt,
  });
  return { failure, retryable: RETRY_STATUSES.has(answer.status), retryAfter };
}
