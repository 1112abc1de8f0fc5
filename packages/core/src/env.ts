import { catalog } from './catalog.js';
import { ConfigError } from './config-error.js';
import { parseConfirm, type ConfirmTools } from './confirm/policy.js';
import { unknownNames } from './select.js';
import { TOOL_GROUPS } from './tool.js';

/** Environment variables, as `process.env` or a Worker's `env` holds them. */
export type Env = Readonly<Record<string, string | undefined>>;

/** How a key was given wrong. `placeholder`: the client passed `${VAR}` unexpanded (the key counts as absent). */
export type KeyProblem = 'bearer' | 'quotes' | 'whitespace' | 'placeholder';

/** What {@link optionsFromEnv} reads: the settings every entry point shares. */
export interface EnvOptions {
  /** The cleaned key (no `Bearer `, quotes or whitespace); absent when unset, empty or a placeholder. */
  readonly apiKey?: string | undefined;
  /** How the key was given wrong (it was cleaned, or dropped for `placeholder`). */
  readonly keyProblems: readonly KeyProblem[];
  /** `CHILI_PIPER_BASE_URL`, checked and without a trailing slash. */
  readonly baseUrl?: string | undefined;
  /** `CHILI_PIPER_TOOLS`. */
  readonly include?: string[] | undefined;
  /** `CHILI_PIPER_EXCLUDE_TOOLS`. */
  readonly exclude?: string[] | undefined;
  /** `CHILI_PIPER_READ_ONLY`. */
  readonly readOnly: boolean;
  /** `CHILI_PIPER_CONFIRM`; absent when unset, so each entry point applies its own default. */
  readonly confirm?: ConfirmTools | undefined;
  /** `CHILI_PIPER_CODE_MODE`: serve `search` and `execute` instead of the catalog. */
  readonly codeMode: boolean;
}

/** The variables {@link optionsFromEnv} reads, with what each means (for help texts and docs). */
export const ENV_VARIABLES = {
  CHILI_PIPER_API_KEY:
    'Edge API access token (Command Center > Integrations > Credentials > API Access Tokens).',
  CHILI_PIPER_BASE_URL: 'Edge API base URL (default https://fire.chilipiper.com/api/fire-edge).',
  CHILI_PIPER_TOOLS: 'Comma list of tool or group names to serve (default: all).',
  CHILI_PIPER_EXCLUDE_TOOLS: 'Comma list of tool or group names never to serve.',
  CHILI_PIPER_READ_ONLY: '"true" serves only tools that change nothing.',
  CHILI_PIPER_CONFIRM:
    '"destructive": destructive tools answer a preview and act only when called again with its token; "none" ' +
    '(default over stdio; HTTP servers default to destructive).',
  CHILI_PIPER_CODE_MODE:
    '"true" serves two tools, search and execute, instead of the catalog: the model runs JavaScript that calls the tools.',
} as const;

/** Parses a comma-separated list (`"meetings, rule-get"` → `["meetings", "rule-get"]`); empty → undefined. */
export function parseList(value: string | undefined): string[] | undefined {
  const items = value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return items?.length ? items : undefined;
}

/** Parses a boolean setting: 1/true/yes/on or 0/false/no/off (any case); empty → undefined; else a ConfigError. */
export function parseBoolean(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const v = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  throw new ConfigError(`${name}: expected true or false, got "${value}".`, name);
}

/** Parses a list of tool or group names; an unknown name is a ConfigError naming the variable. */
function toolList(name: string, value: string | undefined): string[] | undefined {
  const list = parseList(value);
  const unknown = list ? unknownNames(catalog, list) : [];
  if (unknown.length > 0) {
    throw new ConfigError(
      `${name}: unknown tool or group ${unknown.map((u) => `"${u}"`).join(', ')} (groups: ${TOOL_GROUPS.join(', ')}).`,
      name,
    );
  }
  return list;
}

/** Checks a base URL (http or https) and drops trailing slashes; undefined when empty. */
export function parseBaseUrl(name: string, value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw new ConfigError(
      `${name}: "${v}" is not a URL (expected e.g. https://fire.chilipiper.com/api/fire-edge).`,
      name,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConfigError(`${name}: "${v}" must start with https:// (or http:// for a local sandbox).`, name);
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new ConfigError(`${name}: "${v}" must not carry credentials, a query or a fragment.`, name);
  }
  return v.replace(/\/+$/, '');
}

/** `${VAR}`, `${env:VAR}`, `{env:VAR}` or `$VAR`: a variable reference a client did not expand. */
const PLACEHOLDER = /^(?:\$\{(?:env:)?[A-Za-z_][\w]*\}|\{env:[A-Za-z_][\w]*\}|\$[A-Za-z_][\w]*)$/;

/** Strips what people paste around a key (whitespace, quotes, `Bearer `) and spots unexpanded placeholders. */
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
  if (PLACEHOLDER.test(key)) return { problems: [...problems, 'placeholder'] };
  return key ? { key, problems } : { problems };
}

/** How each key problem is described to a person (never containing the key). */
export const KEY_PROBLEM_TEXT: Record<KeyProblem, string> = {
  bearer: 'starts with "Bearer " (set only the token; the prefix is added for you)',
  quotes: 'is wrapped in quotes (remove them from the value)',
  whitespace: 'has spaces or a line break around it (remove them)',
  placeholder:
    'is an unexpanded variable reference such as "${CHILI_PIPER_API_KEY}": the MCP client passed the text as is, ' +
    'so no key is used. Export CHILI_PIPER_API_KEY in the shell that starts the client (Claude Code expands ' +
    '${VAR} only when it is set; Cursor and VS Code write ${env:VAR}; opencode {env:VAR}; Codex forwards names ' +
    'listed in env_vars), or put the key itself in the client config',
};

/**
 * Reads the settings every entry point shares from environment variables (see {@link ENV_VARIABLES}).
 * Pure and runtime-neutral: pass `process.env`, a Worker's `env`, or flags mapped to these names.
 * Throws a {@link ConfigError} naming the variable on a bad value.
 */
export function optionsFromEnv(env: Env): EnvOptions {
  const { key, problems } = normalizeKey(env['CHILI_PIPER_API_KEY'] || undefined);
  return {
    apiKey: key,
    keyProblems: problems,
    baseUrl: parseBaseUrl('CHILI_PIPER_BASE_URL', env['CHILI_PIPER_BASE_URL']),
    include: toolList('CHILI_PIPER_TOOLS', env['CHILI_PIPER_TOOLS']),
    exclude: toolList('CHILI_PIPER_EXCLUDE_TOOLS', env['CHILI_PIPER_EXCLUDE_TOOLS']),
    readOnly: parseBoolean('CHILI_PIPER_READ_ONLY', env['CHILI_PIPER_READ_ONLY']) ?? false,
    confirm: parseConfirm('CHILI_PIPER_CONFIRM', env['CHILI_PIPER_CONFIRM']),
    codeMode: parseBoolean('CHILI_PIPER_CODE_MODE', env['CHILI_PIPER_CODE_MODE']) ?? false,
  };
}
