import {
  ConfigError,
  KEY_PROBLEM_TEXT,
  normalizeKey,
  catalog,
  optionsFromEnvAndFlags,
  selectTools,
  type AnyTool,
  type ConfirmTools,
  type Env,
  type KeyProblem,
} from '@chilipiper-mcp/core';
import { LOG_LEVELS, type LogLevel } from './log.js';

/** Flags shared by `serve`, `tools`, `call` and `doctor` (as `node:util` `parseArgs` returns them). */
export interface CommonFlags {
  readonly 'api-key'?: string | undefined;
  readonly 'base-url'?: string | undefined;
  readonly tools?: string | undefined;
  readonly 'exclude-tools'?: string | undefined;
  readonly 'read-only'?: boolean | undefined;
  readonly confirm?: string | undefined;
  /** `serve` only. */
  readonly 'code-mode'?: boolean | undefined;
  readonly 'log-level'?: string | undefined;
  readonly sandbox?: boolean | undefined;
}

export { KEY_PROBLEM_TEXT, normalizeKey, type Env, type KeyProblem };

/** Configuration after env and flags are merged (flags win) and checked. */
export interface ResolvedConfig {
  /** The cleaned key (no `Bearer `, quotes or whitespace), if any. */
  readonly apiKey?: string | undefined;
  /** Where the key came from. */
  readonly apiKeySource?: 'env' | 'flag' | undefined;
  /** How the key was given wrong (it was cleaned, or ignored when it is an unexpanded placeholder). */
  readonly keyProblems: readonly KeyProblem[];
  readonly baseUrl?: string | undefined;
  readonly include?: string[] | undefined;
  readonly exclude?: string[] | undefined;
  readonly readOnly: boolean;
  /** Which tools need confirmation (default `none` over stdio: the client already asks for approval). */
  readonly confirm: ConfirmTools;
  /** Serve `search` and `execute` instead of the catalog. */
  readonly codeMode: boolean;
  readonly logLevel: LogLevel;
  readonly sandbox: boolean;
  /** The tools this configuration exposes. */
  readonly tools: AnyTool[];
}

/** The one-line message when no key is configured. */
export const NO_KEY_MESSAGE =
  'No Chili Piper API key: set CHILI_PIPER_API_KEY (Command Center > Integrations > Credentials > API Access Tokens), or run with --sandbox to try demo data.';

/** Why there is no key: unset, or an unexpanded placeholder the client passed as is. */
export function noKeyMessage(config: Pick<ResolvedConfig, 'keyProblems'>): string {
  return config.keyProblems.includes('placeholder')
    ? `No Chili Piper API key: CHILI_PIPER_API_KEY ${KEY_PROBLEM_TEXT.placeholder}.`
    : NO_KEY_MESSAGE;
}

/**
 * Merges environment variables and flags (flags win) into a checked configuration, through core's one
 * environment and flag reader. Pure: reads only its arguments. Throws a `ConfigError` with a one-line message on a bad
 * value or an unknown tool name.
 */
export function resolveConfig(env: Env, flags: CommonFlags = {}): ResolvedConfig {
  const level = (flags['log-level'] ?? env['CHILI_PIPER_LOG_LEVEL'] ?? 'info').trim().toLowerCase();
  if (!LOG_LEVELS.includes(level as LogLevel)) {
    throw new ConfigError(
      `CHILI_PIPER_LOG_LEVEL: "${level}" is not one of ${LOG_LEVELS.join(', ')}.`,
      'CHILI_PIPER_LOG_LEVEL',
    );
  }
  const options = optionsFromEnvAndFlags(env, flags);
  const tools = selectTools(catalog, options);
  return {
    apiKey: options.apiKey,
    apiKeySource: options.apiKey ? (flags['api-key'] !== undefined ? 'flag' : 'env') : undefined,
    keyProblems: options.keyProblems,
    baseUrl: options.baseUrl,
    include: options.include,
    exclude: options.exclude,
    readOnly: options.readOnly,
    confirm: options.confirm ?? 'none',
    codeMode: options.codeMode,
    logLevel: level as LogLevel,
    sandbox: flags.sandbox ?? false,
    tools,
  };
}

/** Warnings about how the key was given, one line each (never containing the key). */
export function keyWarnings(config: ResolvedConfig): string[] {
  const lines = config.keyProblems.map((p) =>
    p === 'placeholder'
      ? `CHILI_PIPER_API_KEY ${KEY_PROBLEM_TEXT[p]}.`
      : `The API key ${KEY_PROBLEM_TEXT[p]}; using it cleaned.`,
  );
  if (config.apiKeySource === 'flag') {
    lines.push(
      '--api-key is visible to other users in `ps` and in shell history; prefer CHILI_PIPER_API_KEY.',
    );
  }
  return lines;
}
