import type { WebHandlerOptions } from '@chilipiper-mcp/serverless';

const list = (value: string | undefined) =>
  value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The handler's options, read from the environment when the first request arrives (never at build time):
 *
 * - `MCP_CREDENTIALS_MODE`: `server-key` or `caller-key`; default: `server-key` when `CHILI_PIPER_API_KEY` is
 *   set, else `caller-key`.
 * - server-key: the app holds `CHILI_PIPER_API_KEY` and callers send one of `MCP_HTTP_TOKENS` (comma list).
 * - caller-key: each caller sends its own Chili Piper key as `Authorization: Bearer <key>`, used upstream.
 * - `CHILI_PIPER_BASE_URL`: the Edge API (default: the real one), e.g. a sandbox URL.
 * - `MCP_HTTP_ALLOWED_HOSTS`, `MCP_HTTP_ALLOWED_ORIGINS`: comma lists (defaults: loopback only).
 * - `CHILI_PIPER_READ_ONLY=true`: only read tools.
 */
export function optionsFromEnv(env: Record<string, string | undefined> = process.env): WebHandlerOptions {
  const apiKey = env['CHILI_PIPER_API_KEY'] ?? '';
  const baseUrl = env['CHILI_PIPER_BASE_URL'];
  const allowedHosts = list(env['MCP_HTTP_ALLOWED_HOSTS']);
  const allowedOrigins = list(env['MCP_HTTP_ALLOWED_ORIGINS']);
  return {
    credentials:
      credentialMode(env) === 'server-key'
        ? { mode: 'server-key', apiKey, tokens: list(env['MCP_HTTP_TOKENS']) ?? [] }
        : { mode: 'caller-key' },
    ...(baseUrl ? { baseUrl } : {}),
    ...(allowedHosts ? { allowedHosts } : {}),
    ...(allowedOrigins ? { allowedOrigins } : {}),
    ...(env['CHILI_PIPER_READ_ONLY'] === 'true' ? { readOnly: true } : {}),
  };
}

/** What the home page shows about the credential mode. */
export function credentialMode(
  env: Record<string, string | undefined> = process.env,
): 'server-key' | 'caller-key' {
  const mode = env['MCP_CREDENTIALS_MODE'];
  if (mode === 'server-key' || mode === 'caller-key') return mode;
  return env['CHILI_PIPER_API_KEY'] ? 'server-key' : 'caller-key';
}
