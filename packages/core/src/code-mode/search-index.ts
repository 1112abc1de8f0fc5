// Ranks tools for a search query by the words of their name, title, group, description and input (field names
// and enum values), each weighted by where it appears and by how rare it is across the tools. No network, no
// model: a few thousand word lookups per query.
import { toMethodName } from '../client-types.js';
import { listedDescription } from '../listing.js';
import type { AnyTool } from '../tool.js';

/** How much a query word counts by where a tool has it. */
const WEIGHTS = { name: 5, title: 3, group: 2, input: 1.5, description: 1 } as const;

/** Words that say nothing about which tool is meant. */
const STOP = new Set(
  'a an and are as at be by can do does for from get give how i in is it me my no not of on or our show the their this to was we what when where which who why with all'.split(
    ' ',
  ),
);

/** Words people use for what the tools call otherwise (query word → tool words), counted at half weight. */
const SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  book: ['schedule'],
  free: ['availability', 'slot'],
  available: ['availability'],
  rep: ['user'],
  people: ['user'],
  person: ['user'],
  member: ['user', 'team'],
  lead: ['guest', 'concierge'],
  calendar: ['meeting'],
  event: ['meeting', 'crm'],
  salesforce: ['crm'],
  hubspot: ['crm'],
  csv: ['export'],
  weight: ['distribution'],
  robin: ['distribution'],
  delete: ['remove'],
  remove: ['delete'],
  change: ['modify', 'update'],
  edit: ['modify', 'update'],
  update: ['modify'],
  modify: ['update'],
  add: ['create', 'invite'],
  new: ['create'],
  find: ['list'],
};

/** Lower-case words of a text: camelCase and punctuation split, stop words dropped, plurals and -ing cut. */
export function words(text: string): string[] {
  const out: string[] = [];
  for (const chunk of text.split(/\s+/)) {
    const parts = chunk
      .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    // `NoShow` and `no-show` are also `noshow`, the way people type them.
    if (parts.length > 1) parts.push(parts.join(''));
    for (const w of parts) if (!STOP.has(w) && !STOP.has(stem(w))) out.push(stem(w));
  }
  return out;
}

function stem(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 5 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

/** The parts of a valibot schema this index reads: entries, wrapped and item schemas, enum options. */
interface Schema {
  readonly entries?: Record<string, Schema>;
  readonly wrapped?: Schema;
  readonly item?: Schema;
  readonly options?: readonly unknown[];
}

/** Field names and enum values of an input schema, a few levels deep. */
function inputWords(schema: Schema, depth = 0, out: string[] = []): string[] {
  if (depth > 4) return out;
  for (const [name, entry] of Object.entries(schema.entries ?? {})) {
    out.push(name);
    inputWords(entry, depth + 1, out);
  }
  for (const option of schema.options ?? []) {
    if (typeof option === 'string') out.push(option);
    else if (option && typeof option === 'object') inputWords(option as Schema, depth + 1, out);
  }
  if (schema.wrapped) inputWords(schema.wrapped, depth, out);
  if (schema.item) inputWords(schema.item, depth + 1, out);
  return out;
}

interface Indexed {
  readonly tool: AnyTool;
  /** Each word of the tool with the weight of the best place it appears. */
  readonly weights: ReadonlyMap<string, number>;
  readonly names: readonly string[];
}

/** Ranks `tools` for a query: the best first, only those that match at all. */
export type Ranker = (query: string) => AnyTool[];

/** Each tool's words, written once per tool object (servers made per request share them). */
const toolIndex = new WeakMap<AnyTool, Indexed>();

function indexOf(tool: AnyTool): Indexed {
  let entry = toolIndex.get(tool);
  if (entry) return entry;
  const weights = new Map<string, number>();
  const add = (text: string, weight: number) => {
    for (const w of words(text)) weights.set(w, Math.max(weights.get(w) ?? 0, weight));
  };
  add(listedDescription(tool), WEIGHTS.description);
  add(inputWords(tool.input as Schema).join(' '), WEIGHTS.input);
  add(tool.group, WEIGHTS.group);
  add(tool.title, WEIGHTS.title);
  add(tool.name, WEIGHTS.name);
  entry = { tool, weights, names: [tool.name, toMethodName(tool.name).toLowerCase()] };
  toolIndex.set(tool, entry);
  return entry;
}

/** Builds the index of a tool set (how rare each word is in it); the ranker answers each query from it. */
export function createRanker(tools: readonly AnyTool[]): Ranker {
  const indexed = tools.map(indexOf);
  const seenIn = new Map<string, number>();
  for (const { weights } of indexed) for (const w of weights.keys()) seenIn.set(w, (seenIn.get(w) ?? 0) + 1);
  const rarity = (w: string) => Math.log(1 + indexed.length / (seenIn.get(w) ?? indexed.length));

  const match = (entry: Indexed, word: string): number => {
    const exact = entry.weights.get(word);
    if (exact !== undefined) return exact * rarity(word);
    if (word.length < 4) return 0;
    let best = 0;
    for (const [w, weight] of entry.weights)
      if (w.length >= 4 && (w.startsWith(word) || word.startsWith(w)))
        best = Math.max(best, (weight / 2) * rarity(w));
    return best;
  };

  return (query) => {
    // Two words typed apart are also one (`no shows` is `noshow`).
    const chunks = query
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter(Boolean);
    const joined = chunks.slice(1).map((w, i) => stem(chunks[i]! + w));
    const asked = [...words(query), ...joined];
    const related = asked.flatMap((w) => SYNONYMS[w] ?? []);
    const lower = query.toLowerCase();
    const scored = indexed.map((entry) => {
      let score = 0;
      for (const w of asked) score += match(entry, w);
      for (const w of related) score += match(entry, w) / 2;
      if (entry.names.some((name) => lower.includes(name))) score += 100;
      return { tool: entry.tool, score };
    });
    const top = Math.max(0, ...scored.map((s) => s.score));
    // Far weaker matches than the best are noise (a shared word such as "id").
    return scored
      .filter((s) => s.score > 0 && s.score >= top / 4)
      .sort((a, b) => b.score - a.score)
      .map((s) => s.tool);
  };
}
