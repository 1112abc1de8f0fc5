import type { WebHandlerOptions } from '@chilipiper-mcp/serverless';

const list = (value: string | undefined) =>
  value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * The handler's options, read from the environment when the first request arrives (never at build time):
 *
 * - `CHILI_PIPER_API_KEY` set → server-key mode: the app holds the key and callers send one of `MCP_TOKENS`.
 * - otherwise → caller-key mode: each caller sends its own Chili Piper key as `Authorization: Bearer <key>`.
 * - `CHILI_PIPER_BASE_URL`: the Edge API (default: the real one), e.g. a sandbox URL.
 * - `MCP_ALLOWED_HOSTS`, `MCP_ALLOWED_ORIGINS`: comma lists (defaults: loopback only).
 * - `CHILI_PIPER_READ_ONLY=true`: only read tools.
 */
export function optionsFromEnv(env: Record<string, string | undefined> = process.env): WebHandlerOptions {
  const apiKey = env['CHILI_PIPER_API_KEY'];
  const baseUrl = env['CHILI_PIPER_BASE_URL'];
  const allowedHosts = list(env['MCP_ALLOWED_HOSTS']);
  const allowedOrigins = list(env['MCP_ALLOWED_ORIGINS']);
  return {
    credentials: apiKey
      ? { mode: 'server-key', apiKey, tokens: list(env['MCP_TOKENS']) ?? [] }
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
  return env['CHILI_PIPER_API_KEY'] ? 'server-key' : 'caller-key';
}
