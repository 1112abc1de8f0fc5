import { parseArgs } from 'node:util';
import { ConfigError, KEY_PROBLEM_TEXT, optionsFromEnvAndFlags, parseList } from '@chilipiper-mcp/core';
import type { Credentials } from '@chilipiper-mcp/serverless';
import type { ServeOptions } from './serve.js';

/** The `--help` text. */
export const HELP = `Usage: chilipiper-mcp-http [options]

Serves the Chili Piper MCP tools over Streamable HTTP (stateless, POST /mcp).
With no CHILI_PIPER_API_KEY it serves a local SANDBOX with demo data (not Chili Piper),
without authentication on loopback (or with MCP_HTTP_TOKENS when they are set).

Options (flags win over environment variables):
  --port <n>               MCP_HTTP_PORT (default 3000; 0 = any free port)
  --host <addr>            MCP_HTTP_HOST (default 127.0.0.1)
  --path <path>            MCP endpoint path (default /mcp)
  --caller-key             MCP_CREDENTIALS_MODE=caller-key: each caller sends its own Chili Piper
                           key as "Authorization: Bearer <key>"
  --server-key             MCP_CREDENTIALS_MODE=server-key (default): this server uses
                           CHILI_PIPER_API_KEY; callers send one of MCP_HTTP_TOKENS (comma list)
  --read-only              CHILI_PIPER_READ_ONLY=true: only tools that read
  --confirm <policy>       CHILI_PIPER_CONFIRM: "destructive" (default) makes destructive tools answer
                           a preview and act only when called again with its token; "none" turns it off
  --code-mode              CHILI_PIPER_CODE_MODE=true: two tools, search and execute, instead of
                           the catalog; the model runs JavaScript that calls the tools
  --tools <list>           CHILI_PIPER_TOOLS: only these tools or groups (comma list)
  --exclude-tools <list>   CHILI_PIPER_EXCLUDE_TOOLS: never these tools or groups
  --base-url <url>         CHILI_PIPER_BASE_URL: the Edge API base URL
  --allowed-hosts <list>   MCP_HTTP_ALLOWED_HOSTS: accepted Host names (default loopback only)
  --allowed-origins <list> MCP_HTTP_ALLOWED_ORIGINS: accepted browser origins
  --headers-timeout-ms <n> MCP_HTTP_HEADERS_TIMEOUT_MS: time to send the headers (default 15000)
  --request-timeout-ms <n> MCP_HTTP_REQUEST_TIMEOUT_MS: time to send a whole request (default 30000)
  --keep-alive-timeout-ms <n>
                           MCP_HTTP_KEEP_ALIVE_TIMEOUT_MS: idle time between requests (default 5000)
  --max-connections <n>    MCP_HTTP_MAX_CONNECTIONS: open connections at most (default 1024)
  -h, --help               show this help

Keys and tokens are read from the environment only, never from flags, and never logged.
`;

/** What the CLI will run: the serve options, and whether the upstream is an in-process sandbox. */
export interface CliConfig {
  readonly help: boolean;
  readonly sandbox: boolean;
  /** In sandbox mode, `credentials.apiKey` is a placeholder the CLI replaces with the sandbox key. */
  readonly options: ServeOptions;
}

function port(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new ConfigError(`Invalid port: ${JSON.stringify(value)}.`);
  return n;
}

/** The connection-limit flags, their environment variables and the `serve()` option each sets. */
const LIMITS = [
  ['headers-timeout-ms', 'MCP_HTTP_HEADERS_TIMEOUT_MS', 'headersTimeoutMs'],
  ['request-timeout-ms', 'MCP_HTTP_REQUEST_TIMEOUT_MS', 'requestTimeoutMs'],
  ['keep-alive-timeout-ms', 'MCP_HTTP_KEEP_ALIVE_TIMEOUT_MS', 'keepAliveTimeoutMs'],
  ['max-connections', 'MCP_HTTP_MAX_CONNECTIONS', 'maxConnections'],
] as const;

/** A positive integer from a flag or variable, or `undefined` (the default) when unset. */
function count(name: string, value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n <= 0)
    throw new ConfigError(`${name} must be a positive integer, not ${JSON.stringify(value)}.`);
  return n;
}

/** Reads flags and environment into serve options. Throws a `ConfigError` on a mistake. */
export function resolveCliConfig(argv: readonly string[], env: NodeJS.ProcessEnv): CliConfig {
  const { values: f } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      path: { type: 'string' },
      'caller-key': { type: 'boolean' },
      'server-key': { type: 'boolean' },
      'read-only': { type: 'boolean' },
      confirm: { type: 'string' },
      'code-mode': { type: 'boolean' },
      tools: { type: 'string' },
      'exclude-tools': { type: 'string' },
      'base-url': { type: 'string' },
      'allowed-hosts': { type: 'string' },
      'allowed-origins': { type: 'string' },
      'headers-timeout-ms': { type: 'string' },
      'request-timeout-ms': { type: 'string' },
      'keep-alive-timeout-ms': { type: 'string' },
      'max-connections': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  const mode = f['caller-key']
    ? 'caller-key'
    : f['server-key']
      ? 'server-key'
      : (env.MCP_CREDENTIALS_MODE ?? 'server-key');
  if (mode !== 'server-key' && mode !== 'caller-key') {
    throw new ConfigError(
      `MCP_CREDENTIALS_MODE must be "server-key" or "caller-key", not ${JSON.stringify(mode)}.`,
    );
  }
  const shared = optionsFromEnvAndFlags(env, f);
  if (shared.keyProblems.includes('placeholder')) {
    throw new ConfigError(`CHILI_PIPER_API_KEY ${KEY_PROBLEM_TEXT.placeholder}.`, 'CHILI_PIPER_API_KEY');
  }
  const apiKey = shared.apiKey;
  const tokens = parseList(env.MCP_HTTP_TOKENS);
  const sandbox = mode === 'server-key' && !apiKey;
  if (mode === 'server-key' && apiKey && !tokens) {
    throw new ConfigError(
      'server-key mode with CHILI_PIPER_API_KEY needs MCP_HTTP_TOKENS (comma list of bearer tokens callers must send), ' +
        'or use --caller-key so each caller brings its own Chili Piper key.',
    );
  }
  const credentials: Credentials =
    mode === 'caller-key'
      ? { mode }
      : {
          mode,
          apiKey: apiKey || 'sandbox',
          tokens,
          allowUnauthenticated: (sandbox && !tokens) || undefined,
        };
  const limits = Object.fromEntries(
    LIMITS.map(([flag, variable, option]) => {
      const given = f[flag];
      return [option, count(given === undefined ? variable : `--${flag}`, given ?? env[variable])];
    }),
  );
  return {
    help: f.help ?? false,
    sandbox,
    options: {
      credentials,
      port: port(f.port ?? env.MCP_HTTP_PORT),
      host: f.host ?? env.MCP_HTTP_HOST ?? '127.0.0.1',
      path: f.path,
      baseUrl: sandbox ? undefined : shared.baseUrl,
      include: shared.include,
      exclude: shared.exclude,
      readOnly: shared.readOnly,
      ...(shared.confirm ? { confirm: shared.confirm } : {}),
      codeMode: shared.codeMode,
      allowedHosts: parseList(f['allowed-hosts'] ?? env.MCP_HTTP_ALLOWED_HOSTS),
      allowedOrigins: parseList(f['allowed-origins'] ?? env.MCP_HTTP_ALLOWED_ORIGINS),
      ...limits,
    },
  };
}
