import { EdgeError } from './errors.js';
import { exchange, fetcherFor } from './exchange.js';
import { checkRoute } from './guard.js';
import { interpret } from './interpret.js';
import { redact, redactDeep } from './redact.js';
import type { EdgeRequest } from './to-request.js';
import type { AnyTool } from './tool.js';

export { parseRetryAfter } from './retry-after.js';

/** Production base URL of the Chili Piper Edge API. */
export const DEFAULT_BASE_URL = 'https://fire.chilipiper.com/api/fire-edge';

/** When and how long to retry idempotent calls. */
export interface RetryPolicy {
  /** Attempts in total, first one included (default 3). */
  readonly maxAttempts: number;
  /** First backoff delay in ms; doubles each retry, with jitter (default 300). */
  readonly baseDelayMs: number;
  /** Largest single wait in ms, also caps `Retry-After` (default 5000). */
  readonly maxDelayMs: number;
  /** Wall-clock budget for the whole call, retries included, in ms (default 25000; clients time out near 60 s). */
  readonly budgetMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 300,
  maxDelayMs: 5_000,
  budgetMs: 25_000,
};

/**
 * Default cap on a success body, in bytes (8 MiB). Results are cut to about 40,000 characters anyway; the
 * largest answers the tools ask for (a full page at the largest page size, a 7-day CSV export) stay well under
 * 2 MB, and one call never holds more than this plus its parsed form.
 */
export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

/** Options of the send step. */
export interface SendOptions {
  readonly baseUrl?: string | undefined;
  /** A fetch implementation (e.g. undici's fetch bound to a keep-alive Agent from `@chilipiper-mcp/core/node`). */
  readonly fetch?: typeof globalThis.fetch | undefined;
  readonly retry?: Partial<RetryPolicy> | undefined;
  /** Per-attempt timeout in ms (default 20000), reading the body included. */
  readonly timeoutMs?: number | undefined;
  /** Largest success body read, in bytes (default 8 MiB); a longer one is cut off and the call fails. */
  readonly maxResponseBytes?: number | undefined;
  /** Wait function, replaceable in tests. */
  readonly sleep?: ((ms: number, signal?: AbortSignal) => Promise<void>) | undefined;
  /** Called once per attempt; never receives the key. */
  readonly onAttempt?: ((event: AttemptEvent) => void) | undefined;
}

/** What happened on one attempt. */
export interface AttemptEvent {
  readonly tool: string;
  readonly attempt: number;
  readonly status?: number;
  readonly error?: string;
  readonly ms: number;
}

/** A successful response. */
export interface EdgeResponse {
  readonly status: number;
  readonly contentType: string;
  /** Parsed JSON when the response is JSON, the text otherwise. */
  readonly data: unknown;
  readonly attempts: number;
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });
}

/**
 * Sends a request built by `toRequest`, after checking that its path is exactly the tool's operation. Never
 * follows redirects; reads at most `maxResponseBytes`; accepts only the content the tool expects. Retries
 * only idempotent tools, on 429/502/503/504 and network errors, with exponential backoff and jitter,
 * honouring a sane `Retry-After`, inside the policy's time budget. A non-idempotent call is sent exactly once.
 * Errors never hold the key; the data of a success is returned as received (`executeTool` redacts results).
 */
export async function send(
  tool: AnyTool,
  request: EdgeRequest,
  auth: { apiKey: string; signal?: AbortSignal | undefined },
  options: SendOptions = {},
): Promise<EdgeResponse> {
  try {
    checkRoute(tool, request.path);
  } catch (error) {
    throw error instanceof EdgeError ? scrub(error, auth.apiKey) : error;
  }
  const policy = { ...DEFAULT_RETRY, ...options.retry };
  const maxAttempts = tool.safety.idempotent ? Math.max(1, policy.maxAttempts) : 1;
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const sleep = options.sleep ?? defaultSleep;
  const $fetch = fetcherFor(options.fetch);
  const started = Date.now();
  const headers = { ...request.headers, authorization: `Bearer ${auth.apiKey}` };
  const baseUrl = options.baseUrl ?? DEFAULT_BASE_URL;
  for (let attempt = 1; ; attempt++) {
    const t0 = Date.now();
    const remaining = policy.budgetMs - (t0 - started);
    const timeoutMs = Math.max(1, Math.min(options.timeoutMs ?? 20_000, remaining));
    let failure: EdgeError;
    let retryAfter: number | undefined;
    try {
      const answer = await exchange($fetch, tool, request, {
        baseUrl,
        headers,
        timeoutMs,
        signal: auth.signal,
        maxBytes,
      });
      options.onAttempt?.({ tool: tool.name, attempt, status: answer.status, ms: Date.now() - t0 });
      const outcome = interpret(tool, answer, attempt, maxBytes);
      if (!('failure' in outcome)) return outcome;
      if (!outcome.retryable) throw scrub(outcome.failure, auth.apiKey);
      ({ failure, retryAfter } = outcome);
    } catch (error) {
      if (!(error instanceof EdgeError)) throw error;
      if (error.details.status !== undefined || error.kind === 'unexpected-response')
        throw scrub(error, auth.apiKey);
      // A transport failure (timeout, network, aborted): retried only for idempotent tools.
      failure = new EdgeError(error.kind, error.message, { attempts: attempt });
      options.onAttempt?.({ tool: tool.name, attempt, error: error.kind, ms: Date.now() - t0 });
      if (error.kind === 'aborted' || !tool.safety.idempotent) throw scrub(failure, auth.apiKey);
    }
    const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    const wait = retryAfter !== undefined ? retryAfter * 1000 : backoff / 2 + (Math.random() * backoff) / 2;
    const left = policy.budgetMs - (Date.now() - started);
    if (attempt >= maxAttempts || wait > policy.maxDelayMs || wait >= left) throw scrub(failure, auth.apiKey);
    await sleep(wait, auth.signal).catch(() => {
      throw new EdgeError('aborted', `The call to ${tool.name} was cancelled.`, { attempts: attempt });
    });
  }
}

/** The error with the key redacted from its message and details. */
function scrub(error: EdgeError, apiKey: string): EdgeError {
  const message = redact(error.message, apiKey);
  const details = redactDeep(error.details, apiKey);
  return message === error.message && details === error.details
    ? error
    : new EdgeError(error.kind, message, details);
}
