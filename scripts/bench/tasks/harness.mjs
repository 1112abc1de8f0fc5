// The pieces every task uses: `call` (one tool call, counted; `call.read` reads a result link), `listAll`
// (follow a list's continuation), the clock, and small comparisons for verdicts.
import { countTokens, modelTokens, resultLinks, resultText } from '../../lib/token-count.mjs';
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
 * A `call(name, args)` over an MCP client that records, per call, the tool, the o200k tokens of what the model
 * reads (the text content, plus each resource_link part as JSON) and whether the result was cut; it returns
 * the parsed text (or, when the result carries resource links, a `Linked` {text, links}) and throws a
 * ToolError on isError. `call.read(uri)` is `resources/read` of a link: recorded apart in `reads`, because
 * the complete content goes to the application or the user, not into the model's context.
 */
export function recorder(client) {
  const calls = [];
  const reads = [];
  async function call(name, args = {}) {
    const result = await client.callTool({ name, arguments: args });
    const text = resultText(result);
    const links = resultLinks(result);
    const parsed = parse(text);
    const tokens = modelTokens(result);
    const items = itemTokens(parsed);
    calls.push({
      name,
      tokens,
      cut: wasCut(parsed),
      links: links.length,
      items,
      error: Boolean(result.isError),
    });
    if (result.isError) throw new ToolError(name, text);
    return links.length > 0 ? new Linked(parsed, links) : parsed;
  }
  call.read = async (uri) => {
    const { contents } = await client.readResource({ uri });
    const text = contents.map((c) => c.text ?? '').join('\n');
    reads.push({ uri, chars: text.length, tokens: countTokens(text) });
    return text;
  };
  return { call, calls, reads };
}

/** For a list result, its item count and the o200k tokens of its largest item (as JSON); else undefined. */
function itemTokens(parsed) {
  const list = Array.isArray(parsed?.results) ? parsed.results : undefined;
  if (!list?.length) return undefined;
  return { count: list.length, max: Math.max(...list.map((item) => countTokens(JSON.stringify(item)))) };
}

/** A result that carries resource links: its parsed text (the summary) and the links. */
export class Linked {
  constructor(text, links) {
    this.text = text;
    this.links = links;
  }
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

/**
 * A task's row in the report: its verdict, the calls and `reads` it made with their tokens summed, the Edge
 * API requests the sandbox saw, and its answer (left out when long). `searchTokens`, in code mode: the part
 * of the tokens its searches read.
 */
export function taskRow(task, sandbox, { calls, reads = [], answer, verdict, searchTokens }) {
  return {
    id: task.id,
    title: task.title,
    ok: verdict === true,
    why: verdict === true ? '' : verdict,
    calls,
    tokens: calls.reduce((sum, c) => sum + c.tokens, 0),
    ...(searchTokens === undefined ? {} : { searchTokens }),
    cut: calls.filter((c) => c.cut).length,
    reads,
    linkedTokens: reads.reduce((sum, r) => sum + r.tokens, 0),
    upstream: sandbox.requests.length,
    answer: JSON.stringify(answer ?? null).length <= 400 ? answer : '(long answer left out)',
  };
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
