import { ConfigError, catalog, parseList, selectTools, type AnyTool } from '@chilipiper-mcp/core';
import { LOG_LEVELS, type LogLevel } from './log.js';

/** Flags shared by `serve`, `tools`, `call` and `doctor` (as `node:util` `parseArgs` returns them). */
export interface CommonFlags {
  readonly 'api-key'?: string | undefined;
  readonly 'base-url'?: string | undefined;
  readonly tools?: string | undefined;
  readonly 'exclude-tools'?: string | undefined;
  readonly 'read-only'?: boolean | undefined;
  readonly 'log-level'?: string | undefined;
  readonly sandbox?: boolean | undefined;
}

/** The environment variables the CLI reads. */
export type Env = Readonly<Record<string, string | undefined>>;

/** What is wrong with how a key was pasted. */
export type KeyProblem = 'bearer' | 'quotes' | 'whitespace';

/** Configuration after env and flags are merged (flags win) and checked. */
export interface ResolvedConfig {
  /** The cleaned key (no `Bearer `, quotes or whitespace), if any. */
  readonly apiKey?: string | undefined;
  /** Where the key came from. */
  readonly apiKeySource?: 'env' | 'flag' | undefined;
  /** How the key was pasted wrong (it was cleaned anyway). */
  readonly keyProblems: readonly KeyProblem[];
  readonly baseUrl?: string | undefined;
  readonly include?: string[] | undefined;
  readonly exclude?: string[] | undefined;
  readonly readOnly: boolean;
  readonly logLevel: LogLevel;
  readonly sandbox: boolean;
  /** The tools this configuration exposes. */
  readonly tools: AnyTool[];
}

/** The one-line message when no key is configured. */
export const NO_KEY_MESSAGE =
  'No Chili Piper API key: set CHILI_PIPER_API_KEY (Command Center > Integrations > Credentials > API Access Tokens), or run with --sandbox to try demo data.';

/** Strips what people paste around a key: whitespace, quotes and a `Bearer ` prefix. */
export function normalizeKey(raw: string | undefined): { key?: string; problems: KeyProblem[] } {
  if (raw === undefined) return { problems: [] };
  const problems: KeyProblem[] = [];
  let key = raw;
  if (key.trim() !== key) problems.push('whitespace');
  key = key.trim();
  const quoted = /^(["'`])(.*)\1$/s.exec(key);
  if (quoted) {
    problems.push('quotes');
    key = quoted[2]!.trim();
  }
  const bearer = /^bearer\s+/i.exec(key);
  if (bearer) {
    problems.push('bearer');
    key = key.slice(bearer[0].length).trim();
  }
  return key ? { key, problems } : { problems };
}

/** How each key problem is described to the user. */
export const KEY_PROBLEM_TEXT: Record<KeyProblem, string> = {
  bearer: 'starts with "Bearer " (set only the token; the prefix is added for you)',
  quotes: 'is wrapped in quotes (remove them from the value)',
  whitespace: 'has spaces or a line break around it (remove them)',
};

function parseBool(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const v = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  throw new ConfigError(`${name}: expected true or false, got "${value}".`);
}

function parseBaseUrl(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw new ConfigError(
      `Base URL "${v}" is not a URL (expected e.g. https://fire.chilipiper.com/api/fire-edge).`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`Base URL "${v}" must start with https:// (or http:// for a local sandbox).`);
  }
  return v.replace(/\/+$/, '');
}

/**
 * Merges environment variables and flags (flags win) into a checked configuration. Pure: reads only its
 * arguments. Throws a `ConfigError` with a one-line message on a bad value or an unknown tool name.
 */
export function resolveConfig(env: Env, flags: CommonFlags = {}): ResolvedConfig {
  const fromFlag = flags['api-key'] !== undefined;
  const raw = fromFlag ? flags['api-key'] : env['CHILI_PIPER_API_KEY'] || undefined;
  const { key, problems } = normalizeKey(raw);
  const level = (flags['log-level'] ?? env['CHILI_PIPER_LOG_LEVEL'] ?? 'info').trim().toLowerCase();
  if (!LOG_LEVELS.includes(level as LogLevel)) {
    throw new ConfigError(`Log level "${level}" is not one of ${LOG_LEVELS.join(', ')}.`);
  }
  const include = parseList(flags.tools ?? env['CHILI_PIPER_TOOLS']);
  const exclude = parseList(flags['exclude-tools'] ?? env['CHILI_PIPER_EXCLUDE_TOOLS']);
  const readOnly =
    flags['read-only'] ?? parseBool('CHILI_PIPER_READ_ONLY', env['CHILI_PIPER_READ_ONLY']) ?? false;
  let tools: AnyTool[];
  try {
    tools = selectTools(catalog, { include, exclude, readOnly });
  } catch (error) {
    const message = (error as Error).message
      .replace(/^include:/, '--tools / CHILI_PIPER_TOOLS:')
      .replace(/^exclude:/, '--exclude-tools / CHILI_PIPER_EXCLUDE_TOOLS:');
    throw new ConfigError(message);
  }
  return {
    apiKey: key,
    apiKeySource: key ? (fromFlag ? 'flag' : 'env') : undefined,
    keyProblems: problems,
    baseUrl: parseBaseUrl(flags['base-url'] ?? env['CHILI_PIPER_BASE_URL']),
    include,
    exclude,
    readOnly,
    logLevel: level as LogLevel,
    sandbox: flags.sandbox ?? false,
    tools,
  };
}

/** Warnings about how the key was given, one line each (never containing the key). */
export function keyWarnings(config: ResolvedConfig): string[] {
  const lines = config.keyProblems.map((p) => `The API key ${KEY_PROBLEM_TEXT[p]}; using it cleaned.`);
  if (config.apiKeySource === 'flag') {
    lines.push(
      '--api-key is visible to other users in `ps` and in shell history; prefer CHILI_PIPER_API_KEY.',
    );
  }
  return lines;
}
