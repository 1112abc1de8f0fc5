// Code mode's `search` tool: the declarations of the few enabled tools that best match a query, in one
// `declare namespace cp { … }` block the model can read as TypeScript.
import { getTool } from '../catalog.js';
import { toMethodName } from '../client-types.js';
import type { AnyTool } from '../tool.js';
import { toDeclaration, toNamespace, type ToolDeclaration } from './declarations.js';
import { createRanker, type Ranker } from './search-index.js';

/** Most tools one search returns. */
export const SEARCH_MAX_TOOLS = 4;

/** Characters of declarations one search returns at most (about 2,000 tokens); the best match always comes. */
export const SEARCH_MAX_CHARS = 8_000;

/** Declarations of tools that are not the catalog's own objects, written on first use. */
const written = new WeakMap<AnyTool, ToolDeclaration>();

/**
 * The declaration of a tool: generated at build time for the catalog's tools (loaded on the first search),
 * written once per process for any other tool a server is given.
 */
async function declarationOf(tool: AnyTool): Promise<ToolDeclaration> {
  if (getTool(tool.name) === tool) {
    const { CATALOG_DECLARATIONS } = await import('./generated-declarations.js');
    const built = CATALOG_DECLARATIONS[tool.name];
    if (built) return built;
  }
  let declaration = written.get(tool);
  if (!declaration) written.set(tool, (declaration = toDeclaration(tool)));
  return declaration;
}

const rankers = new WeakMap<readonly AnyTool[], Ranker>();

/** One line per tool: its method, title and safety class (the answer to an empty query). */
function methodList(tools: readonly AnyTool[]): string {
  const lines = tools.map((t) => `cp.${toMethodName(t.name)}: ${t.title} (${t.safety.kind})`);
  return `${tools.length} methods; search for one by name to get its declaration.\n${lines.join('\n')}`;
}

/**
 * Answers a search over `tools` (the server's enabled tools): the declarations of the best matches, at most
 * {@link SEARCH_MAX_TOOLS} and {@link SEARCH_MAX_CHARS}, with the names of the other matches. An empty query
 * lists every method.
 */
export async function searchTools(tools: readonly AnyTool[], query: string): Promise<string> {
  if (query.trim() === '') return methodList(tools);
  let rank = rankers.get(tools);
  if (!rank) rankers.set(tools, (rank = createRanker(tools)));
  const hits = rank(query);
  if (hits.length === 0)
    return `No method matches ${JSON.stringify(query)}. Try other words, or an empty query for the list of all methods.`;
  const shown: ToolDeclaration[] = [];
  let chars = 0;
  const others: string[] = [];
  for (const tool of hits) {
    const declaration = await declarationOf(tool);
    const size = declaration.text.length + Object.values(declaration.types).join('').length;
    if (shown.length === 0 || (shown.length < SEARCH_MAX_TOOLS && chars + size <= SEARCH_MAX_CHARS)) {
      shown.push(declaration);
      chars += size;
    } else others.push(`cp.${declaration.method}`);
  }
  const also = others.length ? ` Also matching: ${others.slice(0, 10).join(', ')}.` : '';
  const head = `// ${shown.length} of ${hits.length} matching methods.${also}`;
  return `${head}\n${toNamespace(shown)}`;
}
