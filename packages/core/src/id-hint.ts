import { catalog } from './catalog.js';
import { idKindWords, idSources, namedSource } from './id-sources.js';
import type { AnyTool } from './tool.js';

let catalogSources: Map<string, string> | undefined;

/**
 * What to check after a 404, from the tool's own field descriptions (and, where a field has none, the
 * catalog's): for each id argument, the tool its ids come from, and when a value looks like an email, that it
 * is not an id ("userId "ada@example.com" looks like an email, not an id: user ids come from user-find.").
 * Empty when the tool takes no id.
 */
export function idHint(tool: AnyTool, args: unknown): string {
  if (args === null || typeof args !== 'object' || Array.isArray(args)) return '';
  const entries = tool.input.entries;
  const hints: string[] = [];
  for (const [field, value] of Object.entries(args as Record<string, unknown>)) {
    if (!/Ids?$/.test(field) || !(field in entries)) continue;
    const values = (Array.isArray(value) ? value : [value]).filter((x): x is string => typeof x === 'string');
    if (values.length === 0) continue;
    catalogSources ??= idSources(catalog);
    const source = namedSource(entries[field]) ?? catalogSources.get(field.replace(/Ids$/, 'Id'));
    const from = source ? `${idKindWords(field)} come from ${source}` : '';
    const email = values.find((x) => x.includes('@'));
    if (email)
      hints.push(
        `${field} ${JSON.stringify(email)} looks like an email, not an id${from ? `: ${from}` : ''}.`,
      );
    else if (from) hints.push(`Check ${field}: ${from}.`);
  }
  return hints.join(' ');
}
