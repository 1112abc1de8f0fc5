import { CliError } from '../upstream.js';
import { KEY_VAR, type KeyPlan } from './types.js';

/** A plain JSON/TOML object. */
export type Obj = Record<string, unknown>;

/** JSON with object keys sorted: equal strings mean equal values, whatever the key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    isObj(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** True for plain objects (not arrays, not null). */
export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Variables `init` manages in an entry's `env`; other variables the user added are kept. */
const MANAGED_ENV = [KEY_VAR, 'CHILI_PIPER_BASE_URL'];

/** The entry's variables after the merge: the managed ones replaced, any other the user added kept. */
export function mergeEnv(previous: unknown, plan: EntryPlan): Obj {
  const env: Obj = { ...(isObj(previous) ? previous : {}) };
  for (const name of MANAGED_ENV) delete env[name];
  return Object.assign(env, plan.env, plan.key.env);
}

/** What `init` wants in the server entry. */
export interface EntryPlan {
  readonly command: string;
  readonly args: string[];
  readonly key: KeyPlan;
  /** Extra variables (e.g. `CHILI_PIPER_BASE_URL`). */
  readonly env: Record<string, string>;
  /** Fields the client expects on every entry. */
  readonly extra?: Readonly<Record<string, unknown>> | undefined;
}

/**
 * Merges the wanted entry into the previous one: `command`, `args` and the managed variables are replaced;
 * any other field or variable the user added stays, in its place.
 */
export function mergeEntry(previous: unknown, plan: EntryPlan): Obj {
  const prev = isObj(previous) ? previous : {};
  const env = mergeEnv(prev['env'], plan);
  const entry: Obj = { ...plan.extra, ...prev, ...plan.extra, command: plan.command, args: plan.args };
  if (Object.keys(env).length > 0) entry['env'] = env;
  else delete entry['env'];
  const forwarded = (Array.isArray(prev['env_vars']) ? prev['env_vars'] : []).filter((v) => v !== KEY_VAR);
  forwarded.push(...(plan.key.envVars ?? []));
  if (forwarded.length > 0) entry['env_vars'] = forwarded;
  else delete entry['env_vars'];
  return entry;
}

/** Where a JSON config keeps its servers and how an entry is built (Claude-style `mcpServers` by default). */
export interface JsonLayout {
  readonly serversKey?: string | undefined;
  readonly entry?: ((previous: unknown, plan: EntryPlan) => Obj) | undefined;
}

/**
 * Puts the entry under `mcpServers.<name>` (or `<layout.serversKey>.<name>`) of a JSON config, keeping every
 * other server and key and the file's indentation. Throws a `CliError` (nothing is written) when the file is
 * not a JSON object.
 */
export function renderJson(
  current: string | undefined,
  path: string,
  name: string,
  plan: EntryPlan,
  layout: JsonLayout = {},
): string {
  let doc: Obj = {};
  if (current !== undefined && current.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(current);
    } catch (error) {
      throw new CliError(
        `${path} is not valid JSON (${(error as Error).message}); fix or move it and run init again. Nothing was written.`,
      );
    }
    if (!isObj(parsed)) throw new CliError(`${path} is not a JSON object; nothing was written.`);
    doc = parsed;
  }
  const key = layout.serversKey ?? 'mcpServers';
  const servers = doc[key] ?? {};
  if (!isObj(servers)) throw new CliError(`"${key}" in ${path} is not an object; nothing was written.`);
  const entry = (layout.entry ?? mergeEntry)(servers[name], plan);
  // Already there (perhaps re-formatted by the client): leave the file alone.
  if (current !== undefined && canonical(servers[name]) === canonical(entry)) return current;
  const next = { ...doc, [key]: { ...servers, [name]: entry } };
  const indent = current ? (/^([ \t]+)"/m.exec(current)?.[1] ?? 2) : 2;
  return `${JSON.stringify(next, null, indent)}\n`;
}
