import type { ServerOptions } from 'node:http';
import { ConfigError } from '@chilipiper-mcp/serverless';

/** The connection limits of {@link serve}; every one has a default a real client never reaches. */
export interface ConnectionLimits {
  /**
   * Longest time a client may take to send the request line and headers, from the moment the connection
   * opens or the previous request ends (default 15000 ms). A silent connection, or headers sent a byte at a
   * time, is answered 408 and closed.
   */
  readonly headersTimeoutMs?: number | undefined;
  /**
   * Longest time a client may take to send a whole request, headers and body (default 30000 ms). A body
   * dripped slowly is answered 408 and closed. Time spent answering (the tool call) does not count.
   */
  readonly requestTimeoutMs?: number | undefined;
  /** How long a keep-alive connection may stay idle between requests before it is closed (default 5000 ms). */
  readonly keepAliveTimeoutMs?: number | undefined;
  /** Most connections open at once (default 1024). Further connections are closed unanswered until one ends. */
  readonly maxConnections?: number | undefined;
}

/** The defaults of {@link ConnectionLimits}. */
export const DEFAULT_LIMITS = {
  headersTimeoutMs: 15_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  maxConnections: 1024,
} as const satisfies Required<ConnectionLimits>;

/** The limits with every default filled in. */
export type ResolvedLimits = { -readonly [K in keyof ConnectionLimits]-?: number };

function positiveInteger(name: keyof ConnectionLimits, value: number | undefined): number {
  const resolved = value ?? DEFAULT_LIMITS[name];
  if (!Number.isSafeInteger(resolved) || resolved <= 0) {
    throw new ConfigError(`${name} must be a positive integer, not ${String(value)}.`);
  }
  return resolved;
}

/** Validates the limits and fills in the defaults; throws a `ConfigError` naming the wrong option. */
export function resolveLimits(options: ConnectionLimits): ResolvedLimits {
  const limits = {
    headersTimeoutMs: positiveInteger('headersTimeoutMs', options.headersTimeoutMs),
    requestTimeoutMs: positiveInteger('requestTimeoutMs', options.requestTimeoutMs),
    keepAliveTimeoutMs: positiveInteger('keepAliveTimeoutMs', options.keepAliveTimeoutMs),
    maxConnections: positiveInteger('maxConnections', options.maxConnections),
  };
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new ConfigError(
      `headersTimeoutMs (${limits.headersTimeoutMs}) must not exceed requestTimeoutMs (${limits.requestTimeoutMs}): ` +
        'the request timeout covers the headers too.',
    );
  }
  return limits;
}

/**
 * The `createServer` options for these limits. Node checks header and request deadlines on a timer
 * (`connectionsCheckingInterval`, 30 s by default, which let a 60 s header timeout cut at up to 90 s): here it
 * runs at a quarter of the shorter timeout, at most once a second, so a deadline is enforced within 25% of it.
 */
export function serverOptions(limits: ResolvedLimits): ServerOptions {
  const shortest = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.max(25, Math.min(1000, Math.floor(shortest / 4))),
  };
}
