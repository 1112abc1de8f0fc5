import { ofetch, type $Fetch } from 'ofetch';
import { EdgeError } from './errors.js';
import { readCapped } from './read-body.js';
import type { EdgeRequest } from './to-request.js';
import type { AnyTool } from './tool.js';

/** The most of an error body that is read: only its first 500 characters are ever quoted. */
export const ERROR_BODY_BYTES = 64 * 1024;

/** One HTTP answer, before any interpretation. */
export interface RawAnswer {
  readonly status: number;
  readonly contentType: string;
  /** The body as read: all of it, or its first bytes when `overflow` (3xx bodies are never read). */
  readonly body: Uint8Array;
  /** True when the body was longer than the limit: the read stopped there and the connection was let go. */
  readonly overflow: boolean;
  readonly retryAfter: string | null;
  /** True for a 3xx (or an opaque redirect); also when a fetch followed a redirect despite being told not to. */
  readonly redirect: boolean;
  /** Where a redirect pointed, absolute, or null when it did not say. */
  readonly location: string | null;
}

const fetchers = new WeakMap<typeof globalThis.fetch, $Fetch>();

/** The ofetch instance over a given fetch (global fetch when none), made once per fetch. */
export function fetcherFor(fetchImpl: typeof globalThis.fetch | undefined): $Fetch {
  if (!fetchImpl) return ofetch;
  let f = fetchers.get(fetchImpl);
  if (!f) fetchers.set(fetchImpl, (f = ofetch.create({}, { fetch: fetchImpl })));
  return f;
}

/**
 * Sends one request and reads the whole answer, within `timeoutMs` and the caller's signal. Any status is an
 * answer; only transport failures throw, as an {@link EdgeError} of kind `timeout`, `aborted` or `network`.
 */
export async function exchange(
  $fetch: $Fetch,
  tool: AnyTool,
  request: EdgeRequest,
  target: {
    baseUrl: string;
    headers: Record<string, string>;
    timeoutMs: number;
    signal?: AbortSignal | undefined;
    /** Largest success body read, in bytes; error bodies are read up to {@link ERROR_BODY_BYTES}. */
    maxBytes: number;
  },
): Promise<RawAnswer> {
  // A plain controller and timer: cheaper per call than AbortSignal.timeout + AbortSignal.any.
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => ((timedOut = true), controller.abort()), target.timeoutMs);
  const caller = target.signal;
  const onAbort = () => controller.abort(caller?.reason);
  if (caller?.aborted) onAbort();
  else caller?.addEventListener('abort', onAbort, { once: true });
  try {
    const res = await $fetch.raw(request.path, {
      baseURL: target.baseUrl,
      method: request.method,
      query: request.query,
      headers: target.headers,
      ...(request.body === undefined ? {} : { body: request.body as Record<string, unknown> }),
      signal: controller.signal,
      // Never follow: a redirect would carry the request (and a 307/308 its body) to another host.
      redirect: 'manual',
      retry: false,
      ignoreResponseError: true,
      responseType: 'stream',
    });
    const { status, headers } = res;
    const redirect = res.redirected || res.type === 'opaqueredirect' || (status >= 300 && status < 400);
    const location = redirect
      ? resolveLocation(res.redirected ? res.url : headers.get('location'), res.url)
      : null;
    if (redirect) await res.body?.cancel().catch(() => undefined);
    const { bytes, overflow } = redirect
      ? { bytes: new Uint8Array(0), overflow: false }
      : await readCapped(
          res.body,
          status >= 400 ? Math.min(ERROR_BODY_BYTES, target.maxBytes) : target.maxBytes,
        );
    return {
      status,
      contentType: headers.get('content-type') ?? '',
      body: bytes,
      overflow,
      retryAfter: headers.get('retry-after'),
      redirect,
      location,
    };
  } catch (error) {
    throw transportError(tool, error, caller?.aborted === true, timedOut);
  } finally {
    clearTimeout(timer);
    caller?.removeEventListener('abort', onAbort);
  }
}

/** An absolute form of a `Location` header (relative ones resolve against the request URL). */
function resolveLocation(location: string | null, base: string): string | null {
  if (!location) return null;
  try {
    return new URL(location, base || undefined).href;
  } catch {
    return location;
  }
}

function transportError(tool: AnyTool, error: unknown, aborted: boolean, timedOut: boolean): EdgeError {
  if (aborted) return new EdgeError('aborted', `The call to ${tool.name} was cancelled.`);
  const unsure = tool.safety.idempotent
    ? ''
    : ' The change may or may not have been applied: check with a read tool before calling it again.';
  if (timedOut) return new EdgeError('timeout', `The Edge API did not answer ${tool.name} in time.${unsure}`);
  const reason = rootCause(error);
  return new EdgeError(
    'network',
    `Could not reach the Edge API for ${tool.name}${reason ? ` (${reason})` : ''}.${unsure || ' Try again later.'}`,
  );
}

/** The innermost cause of a fetch failure that says something, by its code when it has one (ECONNREFUSED, …). */
function rootCause(error: unknown): string {
  let reason = '';
  for (let e = error, depth = 0; e instanceof Error && depth < 6; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') reason = `${code}: ${e.message}`;
    else if (e.message) reason = e.message;
  }
  return reason;
}
