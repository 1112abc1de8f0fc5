import { ConfigError, KEY_PROBLEM_TEXT, optionsFromEnv, parseList, type Env } from '@chilipiper-mcp/core';
import type { WebHandlerOptions } from './options.js';

/** The variables {@link handlerOptionsFromEnv} reads beyond core's `CHILI_PIPER_*` ones. */
export const HTTP_ENV_VARIABLES = {
  MCP_CREDENTIALS_MODE:
    '"server-key" (this deployment holds CHILI_PIPER_API_KEY; callers send one of MCP_HTTP_TOKENS) or ' +
    '"caller-key" (each caller sends its own Chili Piper key as a bearer token). Default: server-key when ' +
    'CHILI_PIPER_API_KEY is set, else caller-key.',
  MCP_HTTP_TOKENS: 'Comma list of bearer tokens callers must send in server-key mode.',
  MCP_HTTP_ALLOWED_HOSTS: 'Comma list of accepted Host names (default: loopback only).',
  MCP_HTTP_ALLOWED_ORIGINS: 'Comma list of accepted browser origins.',
} as const;

/**
 * Reads a deployment's handler options from environment variables: core's `CHILI_PIPER_*` settings (one
 * reader for every entry point) plus the HTTP ones in {@link HTTP_ENV_VARIABLES}. Runtime-neutral: pass
 * `process.env` or a Worker's `env`. Throws a `ConfigError` naming the variable on a mistake.
 */
export function handlerOptionsFromEnv(env: Env): WebHandlerOptions {
  const shared = optionsFromEnv(env);
  if (shared.keyProblems.includes('placeholder')) {
    throw new ConfigError(`CHILI_PIPER_API_KEY ${KEY_PROBLEM_TEXT.placeholder}.`, 'CHILI_PIPER_API_KEY');
  }
  const mode = env['MCP_CREDENTIALS_MODE']?.trim() || (shared.apiKey ? 'server-key' : 'caller-key');
  if (mode !== 'server-key' && mode !== 'caller-key') {
    throw new ConfigError(
      `MCP_CREDENTIALS_MODE: expected "server-key" or "caller-key", got ${JSON.stringify(mode)}.`,
      'MCP_CREDENTIALS_MODE',
    );
  }
  if (mode === 'server-key' && !shared.apiKey) {
    throw new ConfigError(
      'MCP_CREDENTIALS_MODE=server-key needs CHILI_PIPER_API_KEY.',
      'CHILI_PIPER_API_KEY',
    );
  }
  const allowedHosts = parseList(env['MCP_HTTP_ALLOWED_HOSTS']);
  const allowedOrigins = parseList(env['MCP_HTTP_ALLOWED_ORIGINS']);
  return {
    credentials:
      mode === 'server-key'
        ? { mode, apiKey: shared.apiKey!, tokens: parseList(env['MCP_HTTP_TOKENS']) ?? [] }
        : { mode },
    ...(shared.baseUrl ? { baseUrl: shared.baseUrl } : {}),
    ...(shared.include ? { include: shared.include } : {}),
    ...(shared.exclude ? { exclude: shared.exclude } : {}),
    ...(shared.readOnly ? { readOnly: true } : {}),
    ...(shared.confirm ? { confirm: shared.confirm } : {}),
    ...(shared.codeMode ? { codeMode: true } : {}),
    ...(allowedHosts ? { allowedHosts } : {}),
    ...(allowedOrigins ? { allowedOrigins } : {}),
  };
}
