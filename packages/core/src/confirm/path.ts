/**
 * The path language of previews (see `types.ts`): `a.b`, `a[]` (every element), `a[k=v]` (elements whose `k`
 * is `v`), `@keys` (an object's keys, as one list), and a leading `$` for the call's arguments.
 */

/** What paths are read from: the call's arguments under `$`, each read under its `as` name. */
export type Scope = Readonly<Record<string, unknown>>;

type Step =
  | { readonly kind: 'key'; readonly key: string }
  | { readonly kind: 'each' }
  | { readonly kind: 'match'; readonly key: string; readonly value: string }
  | { readonly kind: 'keys' };

const STEP = /([^.[\]]+)|\[([^\]]*)\]/g;
const parsed = new Map<string, Step[]>();

function parse(path: string): Step[] {
  let steps = parsed.get(path);
  if (steps) return steps;
  const text = path.startsWith('$') ? `$.${path.slice(1)}` : path;
  steps = [];
  for (const [, key, bracket] of text.matchAll(STEP)) {
    if (key === '@keys') steps.push({ kind: 'keys' });
    else if (key !== undefined) steps.push({ kind: 'key', key });
    else if (!bracket) steps.push({ kind: 'each' });
    else {
      const at = bracket.indexOf('=');
      steps.push({ kind: 'match', key: bracket.slice(0, at), value: bracket.slice(at + 1) });
    }
  }
  parsed.set(path, steps);
  return steps;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

function step(values: unknown[], s: Step): unknown[] {
  switch (s.kind) {
    case 'key':
      return values.map((v) => (isObject(v) && Object.hasOwn(v, s.key) ? v[s.key] : undefined));
    case 'each':
      return values.flatMap((v) => (Array.isArray(v) ? v : []));
    case 'match':
      return values.flatMap((v) =>
        Array.isArray(v) ? v.filter((e) => isObject(e) && String(e[s.key]) === s.value) : [],
      );
    case 'keys':
      return values.map((v) => (isObject(v) ? Object.keys(v) : undefined));
  }
}

/** Every value a path reaches in `root` (several after `[]`), without the missing ones. */
export function valuesAt(root: unknown, path: string): unknown[] {
  let values: unknown[] = [root];
  for (const s of parse(path)) values = step(values, s);
  return values.filter((v) => v !== undefined && v !== null);
}

/** The first value a path reaches, or undefined. */
export function valueAt(root: unknown, path: string): unknown {
  return valuesAt(root, path)[0];
}

/** A template's value: every value for a path that steps into lists (`[]`), else the first one. */
function fill(template: string, scope: Scope): unknown {
  const path = template.startsWith('=') ? template.slice(1) : template;
  if (!path.includes('[]')) return valueAt(scope, path);
  const values = [...new Set(valuesAt(scope, path))];
  return values.length > 0 ? values : undefined;
}

/** True when a string is a template: `$path` (the call's arguments) or `=path` (an earlier read). */
export const isTemplate = (text: string): boolean => text.startsWith('$') || text.startsWith('=');

/**
 * A preview's read arguments with each template replaced by its value; undefined when one of them has no value
 * (the read is then skipped: it has nothing to look up).
 */
export function fillArgs(template: unknown, scope: Scope): unknown {
  if (typeof template === 'string') return isTemplate(template) ? fill(template, scope) : template;
  if (Array.isArray(template)) {
    const items = template.map((t) => fillArgs(t, scope));
    return items.some((i) => i === undefined) ? undefined : items;
  }
  if (isObject(template)) {
    const entries = Object.entries(template).map(([k, t]) => [k, fillArgs(t, scope)] as const);
    return entries.some(([, v]) => v === undefined) ? undefined : Object.fromEntries(entries);
  }
  return template;
}
