/** Longest `Retry-After` taken at its word (a day); anything longer is treated as malformed. */
const MAX_RETRY_AFTER_SECONDS = 86_400;

/**
 * Parses `Retry-After` (whole seconds or an HTTP date) into seconds. Negative, fractional, past, longer than a
 * day or otherwise malformed values give undefined, so the caller falls back to its normal backoff.
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const text = value.trim();
  const seconds = /^\d{1,10}$/.test(text)
    ? Number(text)
    : /^[A-Za-z]{3,9}, .+ GMT$/.test(text)
      ? Math.ceil((Date.parse(text) - now) / 1000)
      : NaN;
  return seconds >= 0 && seconds <= MAX_RETRY_AFTER_SECONDS ? seconds : undefined;
}
