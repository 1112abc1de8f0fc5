/**
 * Projections of JSON values by dotted paths, for compact results. `a.b` keeps `b` inside `a`; `a[].b` keeps
 * `b` of every element of the list `a`. Pure functions over plain JSON.
 */

type Json = unknown;
type Obj = Record<string, Json>;

const isObject = (v: Json): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A path split into steps; `[]` after a key means "each element of this list". */
function steps(path: string): { key: string; each: boolean }[] {
  return path.split('.').map((part) => ({ key: part.replace(/\[\]$/, ''), each: part.endsWith('[]') }));
}

/** Merges `b` into `a` (objects deeply, lists element by element). */
function merge(a: Json, b: Json): Json {
  if (Array.isArray(a) && Array.isArray(b)) return a.map((x, i) => merge(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const out: Obj = { ...a };
    for (const [k, v] of Object.entries(b)) out[k] = k in out ? merge(out[k], v) : v;
    return out;
  }
  return b;
}

/** The part of `value` that `path` reaches, shaped like `value` (undefined when nothing is there). */
function pickPath(value: Json, rest: { key: string; each: boolean }[]): Json {
  const [step, ...more] = rest;
  if (!step) return value;
  if (!isObject(value) || !(step.key in value)) return undefined;
  const child = value[step.key];
  if (step.each && Array.isArray(child)) {
    return { [step.key]: child.map((item) => (more.length ? (pickPath(item, more) ?? {}) : item)) };
  }
  const picked = more.length ? pickPath(child, more) : child;
  return picked === undefined ? undefined : { [step.key]: picked };
}

/** Keeps only the given dotted paths of a value. */
export function keepPaths(value: Json, paths: readonly string[]): Json {
  if (Array.isArray(value)) return value.map((item) => keepPaths(item, paths));
  let out: Json = {};
  for (const path of paths) {
    const picked = pickPath(value, steps(path));
    if (picked !== undefined) out = merge(out, picked);
  }
  return out;
}

/** Drops the given dotted paths from a value (a copy; the input is not changed). */
export function omitPaths(value: Json, paths: readonly string[]): Json {
  if (Array.isArray(value)) return value.map((item) => omitPaths(item, paths));
  if (!isObject(value)) return value;
  const out: Obj = { ...value };
  for (const path of paths) {
    const [step, ...more] = steps(path);
    if (!step || !(step.key in out)) continue;
    const rest = more.map((s) => `${s.key}${s.each ? '[]' : ''}`).join('.');
    if (!rest) delete out[step.key];
    else out[step.key] = omitPaths(out[step.key], [rest]);
  }
  return out;
}

/** Audit keys a model never needs, dropped from every compact result at any depth. */
const NOISE_KEYS = new Set(['logo', 'teamMembersMetadata', 'history']);
/** Inside `metadata`/`meta`, only `revision` (needed for guarded writes) is kept. */
const METADATA_KEYS = new Set(['metadata', 'meta']);

/** Drops audit noise (timestamps and authors in `metadata`, logos, histories) at any depth. */
export function denoise(value: Json): Json {
  if (Array.isArray(value)) return value.map(denoise);
  if (!isObject(value)) return value;
  const out: Obj = {};
  for (const [key, child] of Object.entries(value)) {
    if (NOISE_KEYS.has(key)) continue;
    if (METADATA_KEYS.has(key) && isObject(child)) {
      if (child['revision'] !== undefined) out[key] = { revision: child['revision'] };
      continue;
    }
    out[key] = denoise(child);
  }
  return out;
}
