// The pieces every task uses: `call` (one tool call, counted), `listAll` (follow a list's continuation), the
// clock, and small comparisons for verdicts.
import { countTokens, resultText } from '../../lib/token-count.mjs';
import { wasCut } from './shapes.mjs';

export const DAY = 24 * 60 * 60 * 1000;

/** A tool answered with isError: the task cannot go on, as a model would have to stop or ask. */
export class ToolError extends Error {
  constructor(tool, text) {
    super(`${tool} failed: ${text.length > 300 ? `${text.slice(0, 297)}...` : text}`);
    this.name = 'ToolError';
  }
}

/** The text a model reads, parsed: JSON when it is JSON, else the text itself (CSV, cut JSON). */
function parse(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * A `call(name, args)` over an MCP client that records, per call, the tool, the o200k tokens of the result text
 * and whether the result was cut; it returns the parsed result text and throws a ToolError on isError. A result
 * given by reference (a `resource_link` to the complete text) is read with resources/read, as a model must, and
 * that read is recorded as a call of its own.
 */
export function recorder(client) {
  const calls = [];
  async function call(name, args = {}) {
    const result = await client.callTool({ name, arguments: args });
    const text = resultText(result);
    calls.push({ name, tokens: countTokens(text), cut: wasCut(parse(text)), error: Boolean(result.isError) });
    if (result.isError) throw new ToolError(name, text);
    const link = result.content.find((part) => part.type === 'resource_link');
    if (!link) return parse(text);
    const read = await client.readResource({ uri: link.uri });
    const whole = read.contents.map((c) => c.text ?? '').join('\n');
    calls.push({ name: 'resources/read', tokens: countTokens(whole), cut: false, error: false });
    return parse(whole);
  }
  return { call, calls };
}

/**
 * Calls a list tool page after page as its shape's `next` continuation says (see shapes.mjs) and returns all
 * items; stops early when `until(item)` is true.
 */
export async function listAll(call, name, args, shape, { until } = {}) {
  const items = [];
  for (let next = args; next;) {
    const result = await call(name, next);
    for (const item of shape.items(result)) {
      items.push(item);
      if (until?.(item)) return items;
    }
    next = shape.next(result, next);
  }
  return items;
}

/** The clock a task runs at: the sandbox's fixed `now`, with the day boundaries tasks talk about (UTC). */
export function clockAt(now) {
  const today = Math.floor(now.getTime() / DAY) * DAY;
  const weekday = (new Date(today).getUTCDay() + 6) % 7; // Monday = 0
  return {
    now: now.getTime(),
    today,
    tomorrow: today + DAY,
    /** Monday 00:00 of the previous calendar week and of this one. */
    lastWeek: { start: today - (weekday + 7) * DAY, end: today - weekday * DAY },
  };
}

/** ISO-8601 UTC with milliseconds, as the tools expect. */
export const iso = (ms) => new Date(ms).toISOString();

/** A verdict: true when equal (as JSON), else a short "got …, expected …". */
export function same(answer, expected) {
  const a = JSON.stringify(answer);
  const e = JSON.stringify(expected);
  return a === e || `got ${clip(a)}, expected ${clip(e)}`;
}

/** A verdict for two lists of ids compared as sets: true, or how many are missing and extra. */
export function sameSet(answer, expected, what = 'items') {
  const got = new Set(answer);
  const want = new Set(expected);
  const missing = [...want].filter((x) => !got.has(x)).length;
  const extra = [...got].filter((x) => !want.has(x)).length;
  return (
    (missing === 0 && extra === 0) ||
    `${got.size} ${what}, expected ${want.size} (${missing} missing, ${extra} extra)`
  );
}

/**
 * What a model writes once at the top of a code mode script that reads whole lists: every item of a list
 * method, following nextCursor.
 */
export const ALL = `async function all(method, input = {}) {
  const items = [];
  let cursor;
  do {
    const page = await method({ ...input, cursor });
    items.push(...page.results);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}
`;

/** A value written into a script as a JavaScript literal. */
export const js = (value) => JSON.stringify(value);

/** The first verdict that is not true, or true. */
export const all = (...verdicts) => verdicts.find((v) => v !== true) ?? true;

const clip = (s = 'undefined') => (s.length > 120 ? `${s.slice(0, 117)}...` : s);
