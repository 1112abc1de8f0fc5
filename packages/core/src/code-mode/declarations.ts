// The TypeScript declaration of each tool as a `cp` method: what `search` shows a model and what
// `@chilipiper-mcp/core/code-mode` gives developers. Written from the tool's data (its valibot input, its view,
// its response kind, its safety class and permission), at build time for the catalog (see
// `build/declarations.ts`) and on first use for tools a server is given that are not the catalog's.
import { toMethodName } from '../client-types.js';
import { toTypeScript } from '../to-typescript.js';
import type { AnyTool } from '../tool.js';

/** One tool as code mode declares it. */
export interface ToolDeclaration {
  /** The `cp` method name (`meetingListPut`). */
  readonly method: string;
  /** The method's declaration with its doc comment, as a member of `declare namespace cp { … }`. */
  readonly text: string;
  /** Named types the declaration refers to (`Condition`), each written once: `type Name = …;`. */
  readonly types: Readonly<Record<string, string>>;
}

/** The list envelope every list tool resolves to (`walk.ts`'s `ListPage`). */
const LIST_ENVELOPE = 'total?: number; nextCursor?: string; note?: string';

/** Dotted keep paths (`router.id`, `attendees[].userId`) as a TypeScript object type with `unknown` leaves. */
export function pathsType(paths: readonly string[], open: boolean): string {
  interface Node {
    array: boolean;
    children: Map<string, Node>;
  }
  const root: Node = { array: false, children: new Map() };
  for (const path of paths) {
    let node = root;
    for (const part of path.split('.')) {
      const array = part.endsWith('[]');
      const name = array ? part.slice(0, -2) : part;
      let child = node.children.get(name);
      if (!child) node.children.set(name, (child = { array, children: new Map() }));
      node = child;
    }
  }
  const write = (node: Node, rest: boolean): string => {
    const fields = [...node.children].map(([name, child]) => {
      const inner = child.children.size === 0 ? 'unknown' : write(child, false);
      return `${/^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name)}: ${inner}${child.array ? '[]' : ''}`;
    });
    if (rest) fields.push('[field: string]: unknown');
    return `{ ${fields.join('; ')} }`;
  };
  return write(root, open);
}

/** What the tool's `cp` method resolves to: the normal-mode `structuredContent`, or `{ text }` for text tools. */
export function resultType(tool: AnyTool): string {
  if (tool.response !== 'json') return '{ text: string }';
  const keep = tool.view?.keep;
  // A `fields` input (present with `keep`) may ask for other fields: the item type stays open.
  const item = keep ? pathsType(keep, true) : 'Record<string, unknown>';
  if (tool.view?.items !== undefined) return `{ results: ${item}[]; ${LIST_ENVELOPE} }`;
  return item;
}

/** The doc comment of a tool's method: title, description, safety class, permission and tool name. */
function docComment(tool: AnyTool): string {
  const { kind, idempotent } = tool.safety;
  const safety = kind === 'read' ? 'read' : `${kind}${idempotent ? ', idempotent' : ''}`;
  const text = `${tool.title}. ${tool.description} Safety: ${safety}. Permission: ${tool.permission}. Tool: ${tool.name}.`;
  return `/** ${text.replace(/\*\//g, '* /')} */`;
}

/** Whether every input field is optional (the input may then be left out). */
function allOptional(tool: AnyTool): boolean {
  return Object.values(tool.input.entries).every((entry) =>
    ['optional', 'exact_optional', 'nullish', 'undefinedable'].includes(entry.type),
  );
}

/** The declaration of one tool as a `cp` method, written from its data. */
export function toDeclaration(tool: AnyTool): ToolDeclaration {
  const method = toMethodName(tool.name);
  const empty = Object.keys(tool.input.entries).length === 0;
  const input = empty ? { type: '{}', definitions: {} } : toTypeScript(tool.input, { comments: true });
  const indented = input.type.replace(/\n/g, '\n  ');
  const param = `input${allOptional(tool) ? '?' : ''}: ${indented}`;
  const text = `  ${docComment(tool)}\n  function ${method}(${param}): Promise<${resultType(tool)}>;`;
  return { method, text, types: input.definitions };
}

/**
 * Joins declarations into one `declare namespace cp { … }` block, each named type once. Throws when two
 * declarations define the same type name differently (the build would publish a broken file).
 */
export function toNamespace(declarations: readonly ToolDeclaration[]): string {
  const types = new Map<string, string>();
  for (const d of declarations) {
    for (const [name, body] of Object.entries(d.types)) {
      const known = types.get(name);
      if (known !== undefined && known !== body)
        throw new Error(`Two tools define the type ${name} differently; give one another typeName.`);
      types.set(name, body);
    }
  }
  const typeLines = [...types].map(([name, body]) => `  type ${name} = ${body.replace(/\n/g, '\n  ')};`);
  return `declare namespace cp {\n${[...typeLines, ...declarations.map((d) => d.text)].join('\n')}\n}`;
}
