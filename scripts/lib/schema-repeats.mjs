// Finds what repeats across listed tools: JSON Schema values (a pattern, a format, a whole pagination block)
// and phrases inside descriptions (an ISO example). Ranked by the tokens a single mention would save.
import { countTokens } from './token-count.mjs';

/** Occurrences of `$ref` and `$defs` keys in the listed schemas, and the tools that have them. */
export function refCounts(tools) {
  const counts = { $ref: 0, $defs: 0, tools: [] };
  for (const tool of tools) {
    const before = counts.$ref + counts.$defs;
    walk(tool.inputSchema, (key) => {
      if (key === '$ref' || key === '$defs') counts[key]++;
    });
    if (counts.$ref + counts.$defs > before) counts.tools.push(tool.name);
  }
  return counts;
}

function walk(value, visit, key = '', parent = undefined) {
  visit(key, value, parent);
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) walk(v, visit, Array.isArray(value) ? '[]' : k, value);
  }
}

/**
 * Schema values seen at least `min` times across all tools, keyed by `"<key>": <json>`. A value nested in a
 * repeated object is only reported when it also occurs elsewhere (more often than its parent).
 */
export function repeatedSchemaValues(tools, { min = 3 } = {}) {
  const count = new Map();
  const keyOf = (key, value) => `"${key}": ${JSON.stringify(value)}`;
  const interesting = (key, value) =>
    key !== '' && key !== '[]' && key !== 'type' && key !== 'required' && typeof value !== 'boolean';
  for (const tool of tools) {
    walk(tool.inputSchema, (key, value) => {
      if (interesting(key, value)) count.set(keyOf(key, value), (count.get(keyOf(key, value)) ?? 0) + 1);
    });
  }
  const reported = new Set();
  for (const tool of tools) {
    const parents = new Map();
    walk(tool.inputSchema, (key, value, parent) => {
      if (value && typeof value === 'object') parents.set(value, { key, parent });
      if (!interesting(key, value)) return;
      const n = count.get(keyOf(key, value));
      if (n < min) return;
      const up = parents.get(parent);
      const parentCount = up?.parent && interesting(up.key, parent) ? count.get(keyOf(up.key, parent)) : 0;
      if (n > parentCount) reported.add(keyOf(key, value));
    });
  }
  return rank([...reported].map((text) => ({ text, count: count.get(text) })));
}

/** Phrases of 4 or more words found at least `min` times in descriptions (tool and property descriptions alike). */
export function repeatedPhrases(tools, { min = 4 } = {}) {
  const texts = [];
  for (const tool of tools) {
    texts.push(tool.description ?? '');
    walk(tool.inputSchema, (key, value) => {
      if (key === 'description' && typeof value === 'string') texts.push(value);
    });
  }
  const docs = texts.map((text) => text.split(/\s+/).filter(Boolean));
  const count = new Map();
  // Apriori: a phrase of n words is only counted when its first n - 1 words were frequent.
  let frequent = new Set(['']);
  for (let n = 1; frequent.size > 0; n++) {
    const counts = new Map();
    for (const words of docs) {
      for (let i = 0; i + n <= words.length; i++) {
        if (!frequent.has(words.slice(i, i + n - 1).join(' '))) continue;
        const phrase = words.slice(i, i + n).join(' ');
        counts.set(phrase, (counts.get(phrase) ?? 0) + 1);
      }
    }
    frequent = new Set([...counts].filter(([, c]) => c >= min).map(([p]) => p));
    if (n >= 4) for (const p of frequent) count.set(p, counts.get(p));
  }
  const found = [...count];
  // Keep maximal phrases: drop one contained in a longer phrase seen as often.
  const maximal = found.filter(
    ([phrase, n]) => !found.some(([other, m]) => m >= n && other !== phrase && other.includes(phrase)),
  );
  return rank(maximal.map(([text, n]) => ({ text, count: n })));
}

/** Adds `tokens` (one mention) and `repeatTokens` ((count - 1) × tokens), largest saving first. */
function rank(entries) {
  return entries
    .map((e) => {
      const tokens = countTokens(e.text);
      return { ...e, tokens, repeatTokens: (e.count - 1) * tokens };
    })
    .sort((a, b) => b.repeatTokens - a.repeatTokens || b.count - a.count);
}
