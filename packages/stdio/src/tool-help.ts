import { toMcpTool, type AnyTool } from '@chilipiper-mcp/core';

/** A JSON Schema node, as the MCP tool listing gives it. */
interface Schema {
  readonly type?: string | string[];
  readonly format?: string;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly items?: Schema;
  readonly oneOf?: readonly Schema[];
  readonly anyOf?: readonly Schema[];
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly description?: string;
}

/** One input row: dotted name, type in words, whether it is required, what it is. */
export interface InputRow {
  readonly name: string;
  readonly type: string;
  readonly required: boolean;
  readonly description: string;
}

/** A schema's type in a few characters: `string (date-time)`, `Active|Canceled`, `string[]`, `object (2 shapes)`. */
function typeOf(schema: Schema): string {
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((e) => String(e)).join('|');
  const variants = schema.oneOf ?? schema.anyOf;
  if (variants) {
    const kinds = [...new Set(variants.map(typeOf))];
    return kinds.length === 1 ? `${kinds[0]} (${variants.length} shapes)` : kinds.join(' | ');
  }
  if (schema.type === 'array') {
    const item = schema.items ? typeOf(schema.items) : 'any';
    return /[| ]/.test(item) ? `(${item})[]` : `${item}[]`;
  }
  const type = Array.isArray(schema.type) ? schema.type.join('|') : (schema.type ?? 'any');
  return schema.format ? `${type} (${schema.format})` : type;
}

/** The inputs of a listed schema, nested object fields as dotted rows under their parent. */
export function inputRows(schema: Schema, prefix = ''): InputRow[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([key, field]) => {
    const name = `${prefix}${key}`;
    const row = {
      name,
      type: typeOf(field),
      required: required.has(key),
      description: field.description ?? '',
    };
    const nested = field.type === 'object' && field.properties ? inputRows(field, `${name}.`) : [];
    return [row, ...nested];
  });
}

/** Wraps text at `width` columns, each line after the first indented by `indent` spaces. */
function wrap(text: string, width: number, indent = 0): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join(`\n${' '.repeat(indent)}`);
}

const SAFETY_TEXT = {
  read: 'read (changes nothing)',
  write: 'write (changes data)',
  destructive: 'destructive (deletes or cancels; cannot be undone)',
} as const;

/** `chilipiper-mcp call <tool> --help`: the tool's description, safety, permission and inputs. */
export function toolHelp(tool: AnyTool, width = 100): string {
  const listed = toMcpTool(tool);
  const rows = inputRows(listed.inputSchema as Schema);
  const nameWidth = Math.max(4, ...rows.map((r) => r.name.length));
  const typeWidth = Math.min(28, Math.max(4, ...rows.map((r) => r.type.length + (r.required ? 10 : 0))));
  const indent = 2 + nameWidth + 2 + typeWidth + 2;
  const inputs = rows.map((r) => {
    const type = `${r.type}${r.required ? ', required' : ''}`;
    const head = `  ${r.name.padEnd(nameWidth)}  ${type.padEnd(typeWidth)}  `;
    const text = wrap(r.description, Math.max(30, width - indent), indent);
    return type.length > typeWidth ? `${head.trimEnd()}\n${' '.repeat(indent)}${text}` : `${head}${text}`;
  });
  return [
    `Usage: chilipiper-mcp call ${tool.name} [--args '<json>'] [options]`,
    '',
    wrap(listed.description ?? '', width),
    '',
    `Safety: ${SAFETY_TEXT[tool.safety.kind]}. Permission: ${tool.permission}.`,
    '',
    rows.length ? 'Inputs (one JSON object in --args, e.g. --args \'{"name": value}\'):' : 'Inputs: none.',
    ...inputs,
    '',
    'Takes the same options and variables as serve (chilipiper-mcp call --help).',
    '',
  ].join('\n');
}
