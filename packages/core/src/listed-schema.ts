import { toTypeLine } from './to-typescript.js';
import type { InputSchema } from './tool.js';

/**
 * The JSON Schema a model reads in `tools/list`, written for the model rather than for a validator: types,
 * properties, `required`, enums, consts and descriptions. Validation stays complete on the server (valibot
 * keeps every check, and its error names what is expected), so what costs tokens without helping a model to
 * choose or fill a field leaves the listing: regex patterns, formats, lengths and bounds, and
 * `additionalProperties`. There is never a `$ref`. A nested object is listed as its type and its one-line
 * description when that description spells its shape (`{startsAt, duration}`), below depth 3, or when the
 * field says `v.metadata({ listing: 'summary' })`; with `v.metadata({ listing: 'type' })` the description is
 * followed by the field's TypeScript type (for trees a model must build from scratch, such as rule conditions).
 */
export function toListedSchema(input: InputSchema): Record<string, unknown> {
  return emit(input as unknown as Schema, 0, new Set());
}

/** The parts of a valibot schema object this emitter reads. */
interface Schema {
  readonly type: string;
  readonly pipe?: readonly Action[];
  readonly entries?: Record<string, Schema>;
  readonly item?: Schema;
  readonly wrapped?: Schema;
  readonly options?: readonly (Schema | string | number)[];
  readonly literal?: unknown;
  readonly getter?: (input: unknown) => Schema;
}
interface Action {
  readonly type: string;
  readonly description?: string;
  readonly metadata?: { listing?: unknown };
}
type Json = Record<string, unknown>;

/** Below this depth (the tool's own fields are depth 1), a described object is listed as its description. */
const SUMMARY_DEPTH = 3;
const OBJECTS = new Set(['object', 'loose_object', 'strict_object', 'object_with_rest']);
const OPTIONAL = new Set(['optional', 'exact_optional', 'nullish', 'undefinedable', 'nullable']);
const COMPLEX = new Set([...OBJECTS, 'variant', 'union', 'record', 'lazy', 'array']);

/** The actions of a schema's pipe, with the pipes of schemas piped again (`v.pipe(piped, …)`) flattened. */
function actions(s: Schema): Action[] {
  return (s.pipe ?? []).flatMap((a) => {
    const inner = a as Action & Schema;
    return inner !== s && inner.pipe ? actions(inner) : [a];
  });
}
const describe = (s: Schema) => actions(s).findLast((a) => a.type === 'description')?.description;
const listing = (s: Schema) =>
  actions(s).find((a) => a.type === 'metadata' && a.metadata?.listing)?.metadata?.listing;
const isInteger = (s: Schema) => actions(s).some((a) => a.type === 'integer');

/** The schema that decides a field's shape: through optional/nullable wrappers. */
function unwrap(s: Schema): Schema {
  let node = s;
  while (OPTIONAL.has(node.type) && node.wrapped) node = node.wrapped;
  return node;
}

/** True when the value is more than a plain scalar (an object, list of objects, variant…). */
function isComplex(s: Schema): boolean {
  const node = unwrap(s);
  if (node.type === 'array') return isComplex(node.item!);
  return COMPLEX.has(node.type);
}

/** The JSON type(s) of a shape listed as a summary. */
function summaryType(schema: Schema): string | string[] {
  const s = unwrap(schema);
  if (s.type === 'union' || s.type === 'variant') {
    const types = [...new Set((s.options as Schema[]).flatMap((o) => summaryType(o)))];
    return types.length === 1 ? types[0]! : types;
  }
  if (s.type === 'literal') return typeof s.literal;
  if (s.type === 'array') return 'array';
  if (COMPLEX.has(s.type)) return 'object';
  return s.type === 'picklist' ? 'string' : s.type;
}

function emit(schema: Schema, depth: number, lazies: Set<Schema>): Json {
  const s = unwrap(schema);
  const description = describe(s) ?? describe(schema);
  const mode = listing(s);
  const withDescription = (json: Json) => (description ? { ...json, description } : json);
  if (isComplex(s) && description) {
    const kind = summaryType(s);
    if (mode === 'type') return { type: kind, description: `${description} Type: ${toTypeLine(s)}` };
    const spellsShape = /\{[^}]*\}/.test(description);
    if (mode === 'summary' || depth >= SUMMARY_DEPTH || spellsShape) return { type: kind, description };
  }
  switch (s.type) {
    case 'string':
    case 'boolean':
    case 'null':
      return withDescription({ type: s.type });
    case 'number':
      return withDescription({ type: isInteger(s) ? 'integer' : 'number' });
    case 'literal':
      return { const: s.literal };
    case 'picklist':
    case 'enum': {
      const options = s.options as (string | number)[];
      return withDescription({
        type: options.every((o) => typeof o === 'number') ? 'number' : 'string',
        enum: options,
      });
    }
    case 'array': {
      const items = emit(s.item!, depth + 1, lazies);
      if (description && !isComplex(s.item!)) delete items['description'];
      return withDescription({ type: 'array', items });
    }
    case 'record':
      return withDescription({ type: 'object' });
    case 'lazy': {
      const target = s.getter!(undefined);
      if (lazies.has(target)) return withDescription({ type: 'object' });
      const out = emit(target, depth, new Set([...lazies, target]));
      return description ? { ...out, description } : out;
    }
    case 'union':
    case 'variant': {
      const options = (s.options as Schema[]).map((o) => emit(o, depth + 1, lazies));
      const plain = options.every((o) => Object.keys(o).length === 1 && typeof o['type'] === 'string');
      if (plain) return withDescription({ type: [...new Set(options.map((o) => o['type'] as string))] });
      return withDescription({ oneOf: options });
    }
    default:
      if (OBJECTS.has(s.type)) return withDescription(object(s, depth, lazies));
      return withDescription({});
  }
}

function object(s: Schema, depth: number, lazies: Set<Schema>): Json {
  const entries = Object.entries(s.entries ?? {});
  const required = entries.filter(([, v]) => !OPTIONAL.has(v.type) || v.type === 'nullable').map(([k]) => k);
  const properties = Object.fromEntries(entries.map(([k, v]) => [k, emit(v, depth + 1, lazies)]));
  return { type: 'object', ...(required.length ? { required } : {}), properties };
}
