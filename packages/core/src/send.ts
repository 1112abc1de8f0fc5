import { ofetch, type $Fetch } from 'ofetch';
import { EdgeError, redact, toEdgeError } from './errors.js';
import type { EdgeRequest } from './to-request.js';
import type { AnyTool } from './tool.js';

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

/** Statuses worth retrying for an idempotent call. */
const RETRY_STATUSES = new Set([429, 502, 503, 504]);

/** Options of the send step. */
export interface SendOptions {
  readonly baseUrl?: string | undefined;
  /** A fetch implementation (e.g. undici's fetch bound to a keep-alive Agent from `@chilipiper-mcp/core/node`). */
  readonly fetch?: typeof globalThis.fetch | undefined;
  readonly retry?: Partial<RetryPolicy> | undefined;
  /** Per-attempt timeout in ms (default 20000). */
  readonly timeoutMs?: number | undefined;
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

const fetchers = new WeakMap<typeof globalThis.fetch, $Fetch>();
function fetcherFor(fetchImpl: typeof globalThis.fetch | undefined): $Fetch {
  if (!fetchImpl) return ofetch;
  let f = fetchers.get(fetchImpl);
  if (!f) fetchers.set(fetchImpl, (f = ofetch.create({}, { fetch: fetchImpl })));
  return f;
}

/** Parses `Retry-After` (seconds or an HTTP date) into seconds. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - now) / 1000));
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(timer), reject(signal.reason)), { once: true });
  });
}

function parseBody(text: string, contentType: string): unknown {
  if (!/json/i.test(contentType) || text === '') return text;
  try {
    return JSON.parse(text);
  } catch {
    throw new EdgeError(
      'unexpected-response',
      'The Edge API sent a response that is not valid JSON. Try again later.',
    );
  }
}

/**
 * Sends a request built by `toRequest`. Retries only idempotent tools, on 429/502/503/504 and network
 * errors, with exponential backoff and jitter, honouring `Retry-After`, inside the policy's time budget.
 * A non-idempotent call is sent exactly once.
 */
export async function send(
  tool: AnyTool,
  request: EdgeRequest,
  auth: { apiKey: string; signal?: AbortSignal | undefined },
  options: SendOptions = {},
): Promise<EdgeResponse> {
  const policy = { ...DEFAULT_RETRY, ...options.retry };
  const maxAttempts = tool.safety.idempotent ? Math.max(1, policy.maxAttempts) : 1;
  const sleep = options.sleep ?? defaultSleep;
  const $fetch = fetcherFor(options.fetch);
  const started = Date.now();
  const headers = { ...request.headers, authorization: `Bearer ${auth.apiKey}` };
  for (let attempt = 1; ; attempt++) {
    const t0 = Date.now();
    const remaining = policy.budgetMs - (t0 - started);
    const timeout = AbortSignal.timeout(Math.max(1, Math.min(options.timeoutMs ?? 20_000, remaining)));
    const signal = auth.signal ? AbortSignal.any([auth.signal, timeout]) : timeout;
    let retryAfter: number | undefined;
    let failure: EdgeError;
    try {
      const res = await $fetch.raw(request.path, {
        baseURL: options.baseUrl ?? DEFAULT_BASE_URL,
        method: request.method,
        query: request.query,
        headers,
        ...(request.body === undefined ? {} : { body: request.body as Record<string, unknown> }),
        signal,
        retry: false,
        ignoreResponseError: true,
        responseType: 'text',
      });
      const contentType = res.headers.get('content-type') ?? '';
      const text = res._data ?? '';
      options.onAttempt?.({ tool: tool.name, attempt, status: res.status, ms: Date.now() - t0 });
      if (res.status < 400) {
        return { status: res.status, contentType, data: parseBody(text, contentType), attempts: attempt };
      }
      retryAfter = parseRetryAfter(res.headers.get('retry-after'));
      const body = /json/i.test(contentType) ? safeJson(text) : text;
      failure = toEdgeError({
        status: res.status,
        body,
        toolName: tool.name,
        permission: tool.permission,
        idempotent: tool.safety.idempotent,
        retryAfterSeconds: retryAfter,
        attempts: attempt,
      });
      if (!RETRY_STATUSES.has(res.status)) throw failure;
    } catch (error) {
      if (error instanceof EdgeError) {
        if (!RETRY_STATUSES.has(error.details.status ?? 0)) throw scrub(error, auth.apiKey);
        failure = error;
      } else {
        failure = transportError(tool, error, auth.signal, timeout, attempt);
        options.onAttempt?.({ tool: tool.name, attempt, error: failure.kind, ms: Date.now() - t0 });
        if (failure.kind === 'aborted' || !tool.safety.idempotent) throw scrub(failure, auth.apiKey);
      }
    }
    const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
    const wait = retryAfter !== undefined ? retryAfter * 1000 : backoff / 2 + (Math.random() * backoff) / 2;
    const left = policy.budgetMs - (Date.now() - started);
    if (attempt >= maxAttempts || wait > policy.maxDelayMs || wait >= left) throw scrub(failure, auth.apiKey);
    await sleep(wait, auth.signal);
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function transportError(
  tool: AnyTool,
  error: unknown,
  caller: AbortSignal | undefined,
  timeout: AbortSignal,
  attempt: number,
): EdgeError {
  if (caller?.aborted)
    return new EdgeError('aborted', `The call to ${tool.name} was cancelled.`, { attempts: attempt });
  const unsure = tool.safety.idempotent
    ? ''
    : ' The change may or may not have been applied: check with a read tool before calling it again.';
  if (timeout.aborted) {
    return new EdgeError('timeout', `The Edge API did not answer ${tool.name} in time.${unsure}`, {
      attempts: attempt,
    });
  }
  const reason = rootCause(error);
  return new EdgeError(
    'network',
    `Could not reach the Edge API for ${tool.name}${reason ? ` (${reason})` : ''}.${unsure || ' Try again later.'}`,
    { attempts: attempt },
  );
}

/** The innermost cause of a fetch failure, by its code when it has one (ECONNREFUSED, ENOTFOUND, …). */
function rootCause(error: unknown): string {
  let reason = '';
  for (let e = error, depth = 0; e instanceof Error && depth < 6; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    reason = typeof code === 'string' ? `${code}: ${e.message}` : e.message;
  }
  return reason;
}

function scrub(error: EdgeError, apiKey: string): EdgeError {
  const message = redact(error.message, apiKey);
  return message === error.message ? error : new EdgeError(error.kind, message, error.details);
}
