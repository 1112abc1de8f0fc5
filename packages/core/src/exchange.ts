import { ofetch, type $Fetch } from 'ofetch';
import { EdgeError } from './errors.js';
import type { EdgeRequest } from './to-request.js';
import type { AnyTool } from './tool.js';

/** One HTTP answer, before any interpretation. */
export interface RawAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly text: string;
  readonly retryAfter: string | null;
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
      retry: false,
      ignoreResponseError: true,
      responseType: 'text',
    });
    return {
      status: res.status,
      contentType: res.headers.get('content-type') ?? '',
      text: res._data ?? '',
      retryAfter: res.headers.get('retry-after'),
    };
  } catch (error) {
    throw transportError(tool, error, caller?.aborted === true, timedOut);
  } finally {
    clearTimeout(timer);
    caller?.removeEventListener('abort', onAbort);
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

/** The innermost cause of a fetch failure, by its code when it has one (ECONNREFUSED, ENOTFOUND, …). */
function rootCause(error: unknown): string {
  let reason = '';
  for (let e = error, depth = 0; e instanceof Error && depth < 6; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    reason = typeof code === 'string' ? `${code}: ${e.message}` : e.message;
  }
  return reason;
}
