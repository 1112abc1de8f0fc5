/** Error codes worth naming, and how to say them. */
const CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused (nothing listens there)',
  ENOTFOUND: 'DNS lookup failed (no such host)',
  EAI_AGAIN: 'DNS lookup failed (temporary; check your network)',
  ECONNRESET: 'the connection was reset',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ETIMEDOUT: 'the connection timed out',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate cannot be verified (a proxy?)',
  SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate chain is self-signed (a proxy?)',
};

function codeOf(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code in CODES) return code;
    if (Array.isArray((e as { errors?: unknown }).errors)) {
      const inner = ((e as { errors: unknown[] }).errors.map(codeOf) as (string | undefined)[]).find(Boolean);
      if (inner) return inner;
    }
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Says in a few words why `url` cannot be reached (connection refused, DNS, TLS, timeout), by fetching it
 * once. Used by `doctor` after a network failure, so the user knows which of those to fix.
 */
export async function describeNetworkError(url: string, fetchImpl: typeof globalThis.fetch): Promise<string> {
  try {
    const res = await fetchImpl(url, { signal: AbortSignal.timeout(10_000) });
    await res.body?.cancel();
    return `it answers HTTP ${res.status} but the API call failed or timed out`;
  } catch (error) {
    const code = codeOf(error);
    if (code) return CODES[code]!;
    if ((error as Error)?.name === 'TimeoutError') return 'no answer within 10 s';
    const cause = (error as { cause?: { message?: string } })?.cause?.message;
    return cause ?? (error as Error)?.message ?? String(error);
  }
}
