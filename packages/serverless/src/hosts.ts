import { ConfigError } from '@chilipiper-mcp/core';
import { LOOPBACK_HOSTS } from './options.js';

/** Parses a `Host` value (`name`, `name:port`, `[v6]:port`); `undefined` when it is not a bare host. */
export function parseHost(value: string): URL | undefined {
  if (!value || /[\s/\\?#@]/.test(value)) return undefined;
  try {
    return new URL(`http://${value}`);
  } catch {
    return undefined;
  }
}

/** True for `localhost`, `127.0.0.1` and `[::1]` (any port). */
export function isLoopbackHostname(hostname: string): boolean {
  return LOOPBACK_HOSTS.includes(hostname.toLowerCase());
}

/** True when every entry names a loopback host, i.e. only this machine can reach the endpoint. */
export function allLoopback(hosts: readonly string[]): boolean {
  return hosts.every((entry) => {
    const parsed = entry.startsWith('.') || entry === '*' ? undefined : parseHost(entry);
    return parsed !== undefined && isLoopbackHostname(parsed.hostname);
  });
}

/** Builds the `Host` check from `allowedHosts` (validated at creation time). */
export function hostMatcher(allowed: readonly string[]): (host: string | null) => boolean {
  const rules = allowed.map((entry): ((url: URL) => boolean) => {
    const lower = entry.toLowerCase();
    if (lower === '*') return () => true;
    if (lower.startsWith('.') && lower.length > 1) return (url) => url.hostname.endsWith(lower);
    const parsed = parseHost(lower);
    if (!parsed)
      throw new ConfigError(`allowedHosts: "${entry}" is not a host name (e.g. "mcp.example.com").`);
    const hasPort = /:\d+$/.test(lower);
    return hasPort ? (url) => url.host === parsed.host : (url) => url.hostname === parsed.hostname;
  });
  return (host) => {
    const url = host ? parseHost(host) : undefined;
    return url !== undefined && rules.some((rule) => rule(url));
  };
}

/** Builds the `Origin` check: no Origin, same-origin, listed, or (by default on loopback) a loopback origin. */
export function originMatcher(
  allowedOrigins: readonly string[] | undefined,
  loopbackDefault: boolean,
): (origin: string | null, host: string | null) => boolean {
  const any = allowedOrigins?.includes('*') ?? false;
  const listed = new Set(
    (allowedOrigins ?? [])
      .filter((o) => o !== '*')
      .map((o) => {
        try {
          return new URL(o).origin;
        } catch {
          throw new ConfigError(`allowedOrigins: "${o}" is not an origin (e.g. "https://app.example.com").`);
        }
      }),
  );
  return (origin, host) => {
    if (origin === null) return true;
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return false;
    }
    if (url.origin === 'null') return false;
    if (any || listed.has(url.origin)) return true;
    const own = host === null ? undefined : parseHost(host);
    if (own !== undefined && url.host === own.host) return true;
    return allowedOrigins === undefined && loopbackDefault && isLoopbackHostname(url.hostname);
  };
}
