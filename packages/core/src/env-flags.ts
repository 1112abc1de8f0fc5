import { ConfigError } from './config-error.js';
import { optionsFromEnv, type Env, type EnvOptions } from './env.js';

/** The CLI flags that stand for core's environment variables (both CLIs; flags win over the environment). */
export const FLAG_VARIABLES = {
  'api-key': 'CHILI_PIPER_API_KEY',
  'base-url': 'CHILI_PIPER_BASE_URL',
  tools: 'CHILI_PIPER_TOOLS',
  'exclude-tools': 'CHILI_PIPER_EXCLUDE_TOOLS',
  'read-only': 'CHILI_PIPER_READ_ONLY',
  confirm: 'CHILI_PIPER_CONFIRM',
  'code-mode': 'CHILI_PIPER_CODE_MODE',
} as const;

/** Flag values as `node:util` `parseArgs` returns them; a CLI passes the ones it takes. */
export type EnvFlags = { readonly [F in keyof typeof FLAG_VARIABLES]?: string | boolean | undefined };

/** A ConfigError about a variable, worded for the flag that sets it too (`--tools / CHILI_PIPER_TOOLS: …`). */
export function withFlagName(error: unknown): unknown {
  if (!(error instanceof ConfigError) || !error.field) return error;
  const flag = Object.entries(FLAG_VARIABLES).find(([, variable]) => variable === error.field)?.[0];
  return flag ? new ConfigError(`--${flag} / ${error.message}`, error.field) : error;
}

/**
 * {@link optionsFromEnv} over the environment with each given flag written over its variable (flags win). A
 * ConfigError names the flag and the variable.
 */
export function optionsFromEnvAndFlags(env: Env, flags: EnvFlags): EnvOptions {
  const merged: Record<string, string | undefined> = { ...env };
  for (const [flag, variable] of Object.entries(FLAG_VARIABLES)) {
    const value = flags[flag as keyof EnvFlags];
    if (value !== undefined) merged[variable] = String(value);
  }
  try {
    return optionsFromEnv(merged);
  } catch (error) {
    throw withFlagName(error);
  }
}
