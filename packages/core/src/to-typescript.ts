/**
 * Writes a valibot schema as a TypeScript type: the input side (what a caller passes). Used for the one-line
 * shapes in listed schemas and, with comments, for the declarations code mode shows a model. Recursive shapes
 * (`v.lazy`) and shapes used in many places get a name from `v.metadata({ typeName })` (a recursive shape without
 * one is called `T1`, `T2`…) and one definition each.
 */

/** The parts of a valibot schema object this writer reads. */
interface Schema {
  readonly type: string;
  readonly pipe?: readonly {
    type: string;
    kind?: string;
    description?: string;
    metadata?: { typeName?: unknown };
  }[];
  readonly entries?: Record<string, Schema>;
  readonly item?: Schema;
  readonly value?: Schema;
  readonly wrapped?: Schema;
  readonly options?: readonly (Schema | string | number)[];
  readonly literal?: unknown;
  readonly getter?: (input: unknown) => Schema;
}

/** How to write the type. */
export interface TypeScriptOptions {
  /** Field descriptions as `/** … *\/` comments, one field per line (default false: one line, no comments). */
  readonly comments?: boolean;
}

/** A written type and the named definitions it refers to (`{ Condition: '…' }`). */
export interface WrittenType {
  readonly type: string;
  readonly definitions: Readonly<Record<string, string>>;
}

const OBJECTS = new Set(['object', 'loose_object', 'strict_object', 'object_with_rest']);
const OPTIONAL = new Set(['optional', 'exact_optional', 'nullish', 'undefinedable']);

type Action = NonNullable<Schema['pipe']>[number];

/** The actions of a schema's pipe, with the pipes of schemas piped again (`v.pipe(piped, …)`) flattened. */
function actions(schema: Schema): Action[] {
  return (schema.pipe ?? []).flatMap((a) => {
    const inner = a as Action & Schema;
    return inner !== schema && inner.pipe ? actions(inner) : [a];
  });
}

function description(schema: Schema): string | undefined {
  return actions(schema).findLast((a) => a.type === 'description')?.description;
}

function typeName(schema: Schema): string | undefined {
  const name = actions(schema).find((a) => a.type === 'metadata' && a.metadata?.typeName)?.metadata?.typeName;
  return typeof name === 'string' ? name : undefined;
}

const literal = (value: unknown) => JSON.stringify(value);
const key = (name: string) => (/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name));

/** Writes `schema` as a TypeScript type. */
export function toTypeScript(root: object, options: TypeScriptOptions = {}): WrittenType {
  const comments = options.comments ?? false;
  const definitions: Record<string, string> = {};
  const names = new Map<Schema, string>();
  const active = new Set<Schema>();

  function write(schema: Schema, indent: string): string {
    const name = typeName(schema);
    if (!name) return body(schema, indent);
    const known = names.get(schema);
    if (known) return known;
    names.set(schema, name);
    definitions[name] = body(schema, indent);
    return name;
  }

  function body(schema: Schema, indent: string): string {
    switch (schema.type) {
      case 'string':
        return 'string';
      case 'number':
        return 'number';
      case 'boolean':
        return 'boolean';
      case 'null':
        return 'null';
      case 'literal':
        return literal(schema.literal);
      case 'picklist':
      case 'enum':
        return (schema.options ?? []).map((o) => literal(o)).join(' | ');
      case 'array': {
        const item = write(schema.item!, indent);
        return item.includes(' | ') ? `(${item})[]` : `${item}[]`;
      }
      case 'record':
        return `Record<string, ${write(schema.value!, indent)}>`;
      case 'nullable':
        return `${write(schema.wrapped!, indent)} | null`;
      case 'union':
      case 'variant':
        return (schema.options as Schema[]).map((o) => write(o, indent)).join(' | ');
      case 'lazy':
        return lazy(schema, indent);
      default:
        if (OPTIONAL.has(schema.type)) return write(schema.wrapped!, indent);
        if (OBJECTS.has(schema.type)) return object(schema, indent);
        return 'unknown';
    }
  }

  function lazy(schema: Schema, indent: string): string {
    const target = schema.getter!(undefined);
    const known = names.get(target);
    if (known) return known;
    if (active.has(target)) {
      const name = typeName(target) ?? `T${names.size + 1}`;
      names.set(target, name);
      return name;
    }
    active.add(target);
    const written = write(target, indent);
    active.delete(target);
    const name = names.get(target);
    if (!name || definitions[name] !== undefined) return written;
    definitions[name] = written;
    return name;
  }

  function object(schema: Schema, indent: string): string {
    const entries = Object.entries(schema.entries ?? {});
    const rest = schema.type === 'loose_object' ? ['[key: string]: unknown'] : [];
    if (!comments) {
      const fields = entries.map(
        ([k, v]) => `${key(k)}${OPTIONAL.has(v.type) ? '?' : ''}: ${write(v, indent)}`,
      );
      return `{ ${[...fields, ...rest].join('; ')} }`;
    }
    const inner = `${indent}  `;
    const lines = entries.map(([k, v]) => {
      const doc = description(v) ?? description(v.wrapped ?? v);
      const comment = doc ? `${inner}/** ${doc.replace(/\*\//g, '* /')} */\n` : '';
      return `${comment}${inner}${key(k)}${OPTIONAL.has(v.type) ? '?' : ''}: ${write(v, inner)};`;
    });
    return `{\n${[...lines, ...rest.map((r) => `${inner}${r};`)].join('\n')}\n${indent}}`;
  }

  const type = write(root as Schema, '');
  return { type, definitions };
}

/** One line: the type, then `where Name = …` for each recursive definition. */
export function toTypeLine(schema: object): string {
  const { type, definitions } = toTypeScript(schema);
  const defs = Object.entries(definitions).map(([name, body]) => `${name} = ${body}`);
  return defs.length ? `${type} where ${defs.join('; ')}` : type;
}
