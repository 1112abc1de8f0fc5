import { EdgeError } from './errors.js';
import type { RawAnswer } from './exchange.js';
import type { AnyTool } from './tool.js';

/** The host (and port) of a location, never its path or query: those may carry tokens. */
function hostOf(location: string | null): string | undefined {
  if (!location) return undefined;
  try {
    return new URL(location).host || undefined;
  } catch {
    return undefined;
  }
}

/**
 * A redirect from the Edge API, which is never followed (a 307/308 would re-send a write's body to the other
 * host): an `unexpected-response` {@link EdgeError} naming the status and the Location's host. Not retried.
 */
export function redirectError(tool: AnyTool, answer: RawAnswer, attempts: number): EdgeError {
  const host = hostOf(answer.location);
  const where = host
    ? `to host ${host}`
    : answer.location
      ? 'to an unreadable location'
      : 'without a location';
  const unsure = tool.safety.idempotent
    ? ''
    : ' The change may or may not have been applied: check with a read tool before calling it again.';
  const check = 'Check the base URL (CHILI_PIPER_BASE_URL) and any proxy in between.';
  const what =
    answer.status >= 300 && answer.status < 400
      ? `with a redirect (HTTP ${answer.status}) ${where}. Redirects are never followed, so nothing was sent there.`
      : answer.status === 0
        ? `with a redirect (its status hidden by the runtime). Redirects are never followed, so nothing was sent there.`
        : `through a redirect ${where} that the HTTP client followed although told not to; that answer was not used.`;
  return new EdgeError(
    'unexpected-response',
    `The Edge API answered ${tool.name} ${what} ${check}${unsure}`,
    {
      status: answer.status,
      attempts,
      ...(host ? { location: host } : {}),
    },
  );
}
