/**
 * The structural pass before valibot runs, guided by the tool's schema: it repairs what clients commonly send
 * as text (stringified JSON objects and arrays, numeric and boolean strings, a picklist value's documented
 * aliases such as `CANCELLED` for `Canceled`) and names what valibot would
 * drop silently (unknown keys at any depth, `__proto__`/`constructor`/`prototype` keys, an array where an
 * object belongs). Pure; never mutates its input.
 */

/** A problem with one field, before valibot's own checks. */
export interface ShapeIssue {
  readonly path: string;
  readonly message: string;
}

/** The parts of a valibot schema object this pass reads. */
interface Node {
  readonly type: string;
  readonly entries?: Record<string, Node>;
  readonly item?: Node;
  readonly value?: Node;
  readonly wrapped?: Node;
  readonly options?: readonly Node[];
  readonly key?: string;
  readonly literal?: unknown;
  readonly getter?: (input: unknown) => Node;
  readonly pipe?: readonly { type: string; metadata?: { aliases?: Record<string, string> } }[];
}

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);
const WRAPPERS = new Set([
  'optional',
  'nullable',
  'nullish',
  'non_optional',
  'non_nullable',
  'exact_optional',
]);
const OBJECTS = new Set(['object', 'strict_object', 'loose_object', 'object_with_rest']);

/** Follows optional/nullable/lazy wrappers to the schema that decides the shape. */
function unwrap(schema: Node, value: unknown): Node {
  let s = schema;
  for (let i = 0; i < 20; i++) {
    if (WRAPPERS.has(s.type) && s.wrapped) s = s.wrapped;
    else if (s.type === 'lazy' && s.getter) s = s.getter(value);
    else break;
  }
  return s;
}

const join = (path: string, key: string | number) =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** A string that holds JSON text of the kind the schema expects, parsed; else the string itself. */
function fromText(node: Node, value: string): unknown {
  const t = value.trim();
  try {
    if ((OBJECTS.has(node.type) || node.type === 'record') && t.startsWith('{')) return JSON.parse(t);
    if ((node.type === 'array' || node.type === 'tuple') && t.startsWith('[')) return JSON.parse(t);
  } catch {
    return value; // valibot names the field
  }
  if (node.type === 'number' && /^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  if (node.type === 'picklist') {
    const aliases = node.pipe?.find((a) => a.type === 'metadata')?.metadata?.aliases;
    if (aliases && Object.hasOwn(aliases, t)) return aliases[t];
  }
  if (node.type === 'boolean' && (t === 'true' || t === 'false')) return t === 'true';
  return value;
}

/** The option of a variant or union that this value is meant for, if one can be told. */
function pickOption(node: Node, value: unknown): Node | undefined {
  if (!isPlainObject(value) || !node.options) return undefined;
  if (node.type === 'variant' && node.key) {
    return node.options.find((o) => unwrap(o, value).entries?.[node.key!]?.literal === value[node.key!]);
  }
  const objects = node.options.filter((o) => OBJECTS.has(unwrap(o, value).type));
  const keys = Object.keys(value);
  // The object option sharing the most keys with the value (ties: the first).
  let best: Node | undefined;
  let score = -1;
  for (const o of objects) {
    const entries = unwrap(o, value).entries ?? {};
    const s = keys.filter((k) => k in entries).length;
    if (s > score) [best, score] = [o, s];
  }
  return best;
}

/** Refuses forbidden keys anywhere inside a value the schema does not describe (`unknown`, loose extras). */
function scanForbidden(value: unknown, path: string, issues: ShapeIssue[], depth = 0): void {
  if (depth > 32 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => scanForbidden(item, join(path, i), issues, depth + 1));
    return;
  }
  for (const [key, item] of Object.entries(value)) {
    if (FORBIDDEN.has(key))
      issues.push({ path: join(path, key), message: `"${key}" is not allowed as a field name` });
    else scanForbidden(item, join(path, key), issues, depth + 1);
  }
}

/** Walks `value` along `schema`; returns the repaired value and pushes issues. */
function walk(schema: Node, value: unknown, path: string, issues: ShapeIssue[]): unknown {
  let node = unwrap(schema, value);
  if (node.type === 'variant' || node.type === 'union') {
    const option = pickOption(node, value);
    if (!option) return value;
    node = unwrap(option, value);
  }
  const v = typeof value === 'string' ? fromText(node, value) : value;
  if (OBJECTS.has(node.type) || node.type === 'record') {
    if (Array.isArray(v)) {
      issues.push({ path: path || '(arguments)', message: 'expected an object of named fields, got a list' });
      return v;
    }
    if (!isPlainObject(v)) return v;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(v)) {
      const child = join(path, key);
      if (FORBIDDEN.has(key)) {
        issues.push({ path: child, message: `"${key}" is not allowed as a field name` });
        continue;
      }
      const entry = node.type === 'record' ? node.value : node.entries?.[key];
      if (!entry) {
        if (node.type === 'object' || node.type === 'strict_object') {
          const known = Object.keys(node.entries ?? {});
          const expected = known.length
            ? `expected one of: ${known.join(', ')}`
            : 'no fields are expected here';
          issues.push({ path: child, message: `unknown field (${expected})` });
        } else {
          scanForbidden(v[key], child, issues);
          out[key] = v[key];
        }
        continue;
      }
      out[key] = walk(entry, v[key], child, issues);
    }
    return out;
  }
  if (node.type === 'array' && Array.isArray(v) && node.item) {
    return v.map((item, i) => walk(node.item!, item, join(path, i), issues));
  }
  scanForbidden(v, path, issues);
  return v;
}

/** Runs the structural pass over a tool's raw arguments. */
export function prepareArgs(schema: object, raw: unknown): { value: unknown; issues: ShapeIssue[] } {
  const issues: ShapeIssue[] = [];
  const value = walk(schema as Node, raw, '', issues);
  return { value, issues };
}
