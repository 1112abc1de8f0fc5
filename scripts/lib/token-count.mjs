// How this project counts the tokens a model reads: o200k_base (the GPT-4o / o-series encoding) through the
// `gpt-tokenizer` package. Used by `scripts/tokens.mjs` and the task benchmark, and importable from tests.
//
//   tools/list: per tool, countTokens(name + description + JSON.stringify(inputSchema))
//               (the three strings concatenated with nothing between them; title, annotations and _meta are
//               left out: the formula counts what a model needs to choose and call a tool)
//   a result:   countTokens(content[].text joined with "\n") (structuredContent is a mirror, not counted);
//               modelTokens adds each resource_link part as JSON (what a client shows the model for a link)
import { countTokens as encodeCount } from 'gpt-tokenizer/encoding/o200k_base';

/** Treats special-token text such as `<|endoftext|>` as plain text instead of throwing. */
const PLAIN = { disallowedSpecial: new Set() };

/** The o200k_base token count of a string. */
export function countTokens(text) {
  return text ? encodeCount(text, PLAIN) : 0;
}

/**
 * Token counts of one listed tool: each part on its own, and `total` = the count of the three strings
 * concatenated (name + description + JSON.stringify(inputSchema)), the figure every total adds up.
 */
export function toolTokens(tool) {
  const description = tool.description ?? '';
  const schema = JSON.stringify(tool.inputSchema ?? {});
  return {
    name: tool.name,
    nameTokens: countTokens(tool.name),
    descriptionTokens: countTokens(description),
    schemaTokens: countTokens(schema),
    total: countTokens(tool.name + description + schema),
  };
}

/** Token counts of a `tools/list` answer: per tool (largest first) and the sum of their totals. */
export function listingTokens(tools) {
  const perTool = tools.map(toolTokens).sort((a, b) => b.total - a.total || a.name.localeCompare(b.name));
  return { total: perTool.reduce((sum, t) => sum + t.total, 0), tools: perTool };
}

/** The text a model reads from a tool result: every text content part, joined with newlines. */
export function resultText(result) {
  return (result?.content ?? [])
    .filter((part) => part.type === 'text')
    .map((part) => part.text)
    .join('\n');
}

/** The token count of a tool result's text content. */
export function resultTokens(result) {
  return countTokens(resultText(result));
}

/** The resource_link parts of a tool result, with the fields a client shows (uri, name, mimeType, description). */
export function resultLinks(result) {
  return (result?.content ?? [])
    .filter((part) => part.type === 'resource_link')
    .map(({ uri, name, mimeType, description }) => ({ uri, name, mimeType, description }));
}

/**
 * The tokens a model reads of a tool result: its text content, plus each resource_link part as JSON (a client
 * shows the model at least the link's name and URI; the JSON is an upper bound of that).
 */
export function modelTokens(result) {
  const links = resultLinks(result).reduce((sum, link) => sum + countTokens(JSON.stringify(link)), 0);
  return resultTokens(result) + links;
}
