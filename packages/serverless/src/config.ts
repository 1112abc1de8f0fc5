import {
  catalog,
  ConfigError,
  resolveConfirm,
  selectTools,
  type AnyTool,
  type ConfirmOption,
} from '@chilipiper-mcp/core';
import { allLoopback, hostMatcher, originMatcher } from './hosts.js';
import {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_PATH,
  LOOPBACK_HOSTS,
  type Credentials,
  type WebHandlerOptions,
} from './options.js';

/** Static bearer tokens shorter than this are refused. */
export const MIN_TOKEN_LENGTH = 16;

/** Everything `createFetchHandler` derives from its options once, at creation. */
export interface ResolvedConfig {
  readonly credentials: Credentials;
  readonly path: string;
  readonly maxBodyBytes: number;
  readonly known: readonly AnyTool[];
  readonly deployed: readonly AnyTool[];
  /** The confirmation policy (default `destructive` on HTTP), checked. */
  readonly confirm: ConfirmOption;
  readonly hostAllowed: (host: string | null) => boolean;
  readonly originAllowed: (origin: string | null, host: string | null) => boolean;
}

/** Strips one trailing slash (`/mcp/` → `/mcp`), keeping `/`. */
export function normalizePath(path: string): string {
  return path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
}

function checkCredentials(credentials: Credentials | undefined, hosts: readonly string[]): Credentials {
  if (!credentials || typeof credentials !== 'object') {
    throw new ConfigError(
      "`credentials` is required: { mode: 'server-key', apiKey, tokens } (this server holds the Chili Piper key) " +
        "or { mode: 'caller-key' } (each caller sends its own key as a bearer token).",
    );
  }
  if (credentials.mode === 'caller-key') return credentials;
  if (credentials.mode !== 'server-key') {
    const mode = JSON.stringify((credentials as { mode?: unknown }).mode);
    throw new ConfigError(`credentials.mode must be 'server-key' or 'caller-key', not ${mode}.`);
  }
  if (typeof credentials.apiKey !== 'string' || credentials.apiKey.trim() === '') {
    throw new ConfigError("credentials.apiKey (the Chili Piper API key) is required in 'server-key' mode.");
  }
  const tokens = credentials.tokens ?? [];
  if (tokens.some((t) => typeof t !== 'string' || t.length < MIN_TOKEN_LENGTH || /\s/.test(t))) {
    throw new ConfigError(
      `credentials.tokens must be strings of at least ${MIN_TOKEN_LENGTH} characters without spaces.`,
    );
  }
  if (tokens.length === 0 && !credentials.verifyToken && !credentials.allowUnauthenticated) {
    throw new ConfigError(
      "'server-key' mode needs credentials.tokens or credentials.verifyToken so callers can authenticate " +
        '(or allowUnauthenticated for a local demo bound to loopback).',
    );
  }
  for (const name of ['resource', 'resourceMetadataUrl'] as const) {
    const value = credentials[name];
    if (value !== undefined && !URL.canParse(value))
      throw new ConfigError(`credentials.${name} must be a URL.`);
  }
  if (credentials.allowUnauthenticated && !allLoopback(hosts)) {
    throw new ConfigError(
      'credentials.allowUnauthenticated is only allowed when allowedHosts lists loopback names only ' +
        `(${LOOPBACK_HOSTS.join(', ')}); anyone who can reach the server would use your Chili Piper key.`,
    );
  }
  return credentials;
}

/** Validates the options and precomputes what every request needs; throws a `ConfigError` on any mistake. */
export function resolveConfig(options: WebHandlerOptions): ResolvedConfig {
  const hosts = options.allowedHosts ?? LOOPBACK_HOSTS;
  if (hosts.length === 0)
    throw new ConfigError('allowedHosts must not be empty (use ["*"] to accept any host).');
  const credentials = checkCredentials(options.credentials, hosts);
  const path = normalizePath(options.path ?? DEFAULT_PATH);
  if (!path.startsWith('/') || path === '/healthz' || path.startsWith('/.well-known/')) {
    throw new ConfigError(
      `path must start with "/" and not be a reserved path: ${JSON.stringify(options.path)}.`,
    );
  }
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes <= 0) {
    throw new ConfigError(`maxBodyBytes must be a positive integer, not ${String(options.maxBodyBytes)}.`);
  }
  const known = options.tools ?? catalog;
  const confirm = options.confirm ?? 'destructive';
  resolveConfirm(confirm); // a ConfigError now rather than on the first request
  return {
    confirm,
    credentials,
    path,
    maxBodyBytes,
    known,
    deployed: selectTools(known, options),
    hostAllowed: hostMatcher(hosts),
    originAllowed: originMatcher(options.allowedOrigins, allLoopback(hosts)),
  };
}
