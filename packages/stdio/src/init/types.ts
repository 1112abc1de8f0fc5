import type { EntryPlan, Obj } from './merge.js';

/** The MCP clients `init` can configure. */
export type ClientId = 'codex' | 'claude-code' | 'gemini' | 'opencode' | 'cursor' | 'claude-desktop';

/** Every client `init` knows, in the order the help lists them. */
export const CLIENT_IDS: readonly ClientId[] = [
  'codex',
  'claude-code',
  'gemini',
  'opencode',
  'cursor',
  'claude-desktop',
];

/** Project config (checked into or kept in the repository) or the user's own config. */
export type Scope = 'project' | 'user';

/** Where `init` runs: environment, working directory, home directory and OS (all replaceable in tests). */
export interface InitContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly home: string;
  readonly platform: NodeJS.Platform;
  /**
   * The absolute path of the built CLI when `init` runs from a source checkout (see `checkoutCli`): the
   * entry then runs `node <this path>` unless `--npx` is given. Undefined for an installed package.
   */
  readonly checkoutCli?: string | undefined;
}

/** How the server entry passes the API key to the process. */
export interface KeyPlan {
  /** Variables to set in the entry's `env`. */
  readonly env: Record<string, string>;
  /** Variables the client forwards from its own environment (Codex `env_vars`). */
  readonly envVars?: string[];
  /** Lines for the user on stderr. */
  readonly notes: string[];
}

/** One client: where its config lives, its format, and how it gets the key. */
export interface ClientSpec {
  readonly id: ClientId;
  readonly label: string;
  readonly format: 'json' | 'toml';
  readonly scopes: readonly Scope[];
  readonly defaultScope: Scope;
  /** Config file for a scope. */
  path(scope: Scope, ctx: InitContext): string;
  /** How the key reaches the server: a literal key when given, otherwise the client's variable syntax. */
  key(literal: string | undefined, scope: Scope, ctx: InitContext): KeyPlan;
  /** Fields the client expects on every entry (e.g. Claude Code's `type`). */
  readonly extra?: Readonly<Record<string, unknown>>;
  /** The JSON key that holds the servers (default `mcpServers`). */
  readonly serversKey?: string;
  /** Builds the entry from the previous one and the plan, for clients whose entries differ in shape. */
  readonly entry?: (previous: unknown, plan: EntryPlan) => Obj;
  /** How to check the server named `name` is connected, shown after writing. */
  verify(name: string, scope: Scope): string;
}

/** The key variable. */
export const KEY_VAR = 'CHILI_PIPER_API_KEY';
