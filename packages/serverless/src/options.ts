import type { ChiliPiperServerOptions } from '@chilipiper-mcp/core';

/** What a `verifyToken` hook returns for an accepted token. */
export interface VerifiedToken {
  /** Who the token belongs to (becomes `authInfo.clientId`). */
  readonly subject?: string | undefined;
  /** The token's scopes (become `authInfo.scopes`). */
  readonly scopes?: readonly string[] | undefined;
}

/**
 * The server holds the Chili Piper key; callers authenticate with this server's own bearer tokens.
 * At least one of `tokens`, `verifyToken` or `allowUnauthenticated` is required.
 */
export interface ServerKeyCredentials {
  readonly mode: 'server-key';
  /** The Chili Piper API key every upstream request is made with. */
  readonly apiKey: string;
  /** Static bearer tokens accepted from callers (compared in constant time; at least 16 characters each). */
  readonly tokens?: readonly string[] | undefined;
  /** Validates a bearer token (e.g. an OAuth access token); return `undefined` to reject it (a throw answers 500). */
  readonly verifyToken?: ((token: string) => Promise<VerifiedToken | undefined>) | undefined;
  /** The canonical URL of this MCP endpoint (RFC 9728 `resource`; default: derived from the request URL). */
  readonly resource?: string | undefined;
  /** Where clients find the protected-resource metadata (default: `<origin>/.well-known/oauth-protected-resource<path>`). */
  readonly resourceMetadataUrl?: string | undefined;
  /** OAuth authorization servers advertised in the protected-resource metadata. */
  readonly authorizationServers?: readonly string[] | undefined;
  /** Scopes advertised in the protected-resource metadata. */
  readonly scopesSupported?: readonly string[] | undefined;
  /**
   * Accept requests without a token. Only for local demos: refused unless every `allowedHosts` entry is a
   * loopback name (`localhost`, `127.0.0.1`, `[::1]`), so only this machine can reach the endpoint.
   */
  readonly allowUnauthenticated?: boolean | undefined;
}

/** Each caller sends its own Chili Piper key as `Authorization: Bearer <key>`; it is used for that request only. */
export interface CallerKeyCredentials {
  readonly mode: 'caller-key';
}

/** How callers authenticate and which Chili Piper key the upstream requests use. */
export type Credentials = ServerKeyCredentials | CallerKeyCredentials;

/** Options of `createFetchHandler` (and of the Node handler built on it). */
export interface WebHandlerOptions extends Omit<ChiliPiperServerOptions, 'apiKey'> {
  /**
   * Which tools answer with a preview and act only when called again with its token. Default here:
   * `'destructive'` (HTTP callers may be agents nobody watches). Elicitation is never used: the stateless JSON
   * answers cannot carry a server-to-client request. See docs/safety.md.
   */
  readonly confirm?: ChiliPiperServerOptions['confirm'];
  /** Required: how callers authenticate (there is no default). */
  readonly credentials: Credentials;
  /** The MCP endpoint path (default `/mcp`). */
  readonly path?: string | undefined;
  /**
   * Accepted `Host` names (DNS-rebinding protection). `name` matches any port, `name:port` one port,
   * `.example.com` any subdomain, `*` any host. Default: `localhost`, `127.0.0.1`, `[::1]`.
   */
  readonly allowedHosts?: readonly string[] | undefined;
  /**
   * Accepted `Origin` values (exact origins, or `*`). Requests without `Origin` and same-origin requests are
   * always accepted. Default: loopback origins when every allowed host is loopback, otherwise none.
   */
  readonly allowedOrigins?: readonly string[] | undefined;
  /** Largest accepted request body in bytes (default 1 MiB); larger → 413. */
  readonly maxBodyBytes?: number | undefined;
  /** Called with unexpected internal errors (never with keys or tokens). Default: `console.error` of the message. */
  readonly onError?: ((error: unknown) => void) | undefined;
}

/** Default `maxBodyBytes`: 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** Default `path`. */
export const DEFAULT_PATH = '/mcp';

/** The `Host` names accepted when `allowedHosts` is not given. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];
