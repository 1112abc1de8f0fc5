import type { AnyTool } from './tool.js';
import type { EdgeResponse } from './send.js';
import type { EdgeError, EdgeErrorKind } from './errors.js';
import { getPath } from './get-path.js';

/** Why a call failed, as data: what `_meta["chilipiper-mcp/error"]` of an error result holds. */
export interface ErrorData {
  readonly kind: EdgeErrorKind;
  /** The Edge API's HTTP status, when it answered. */
  readonly status?: number;
  /** For 403: the permission the key lacks. */
  readonly permission?: string;
  /** For invalid arguments: the dotted paths of the fields that are wrong. */
  readonly fields?: readonly string[];
  /** For 429: how long to wait before calling again. */
  readonly retryAfterSeconds?: number;
}

/** The `_meta` key under which an error result carries its {@link ErrorData}. */
export const ERROR_META_KEY = 'chilipiper-mcp/error';

/** A tool result in MCP's `CallToolResult` shape, without depending on the SDK. */
export interface ToolResult {
  [key: string]: unknown;
  content: { type: 'text'; text: string }[];
  structuredContent?: Record<string, unknown>;
  isError?: boolean;
  _meta?: { [ERROR_META_KEY]?: ErrorData; [key: string]: unknown };
}

/** Default size budget of one result, in characters: id-heavy JSON runs near 2 characters a token, so this stays
 * well under Claude Code's 25k-token cap (about 10k to 20k tokens). */
export const DEFAULT_MAX_RESULT_CHARS = 40_000;

/** An error result: the message for the model, and the same facts as data in `_meta`. */
export function errorResult(message: string, data: ErrorData): ToolResult {
  return { content: [{ type: 'text', text: message }], isError: true, _meta: { [ERROR_META_KEY]: data } };
}

/** The {@link ErrorData} of an error, for {@link errorResult}. */
export function errorData(error: EdgeError): ErrorData {
  const { status, permission, fields, retryAfterSeconds } = error.details;
  return {
    kind: error.kind,
    ...(status === undefined ? {} : { status }),
    ...(permission === undefined ? {} : { permission }),
    ...(fields === undefined ? {} : { fields }),
    ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }),
  };
}

function withItems(value: Record<string, unknown>, path: string, items: unknown[]): Record<string, unknown> {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  if (rest.length === 0) return { ...value, [head]: items };
  return { ...value, [head]: withItems(value[head] as Record<string, unknown>, rest.join('.'), items) };
}

/** The dotted path of the list to cut: the tool's declared item path, else the largest top-level array. */
function listPath(tool: AnyTool, data: Record<string, unknown>): string | undefined {
  if (tool.pagination && Array.isArray(getPath(data, tool.pagination.items))) return tool.pagination.items;
  let best: string | undefined;
  let size = 0;
  for (const [key, value] of Object.entries(data)) {
    if (Array.isArray(value) && value.length > size) [best, size] = [key, value.length];
  }
  return best;
}

/** Cuts a JSON list so its text fits the budget, and says so in a `truncated` note. */
function fitJson(tool: AnyTool, data: Record<string, unknown>, text: string, max: number) {
  const path = listPath(tool, data);
  const items = path ? (getPath(data, path) as unknown[]) : undefined;
  if (!path || !items || items.length === 0) {
    const note = `[Result cut at ${max} of ${text.length} characters: narrow the request to see the rest.]`;
    return { text: `${text.slice(0, max)}\n${note}`, structured: undefined };
  }
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (JSON.stringify(withItems(data, path, items.slice(0, mid))).length <= max - 400) lo = mid;
    else hi = mid - 1;
  }
  const page = (data['page'] as number | undefined) ?? 0;
  const hint = tool.pagination
    ? `To see the rest, call ${tool.name} again with a smaller pagination.pageSize (at most ${Math.max(1, lo)}) and step pagination.page from ${page}.`
    : 'Narrow the request with its filters to see the rest.';
  const truncated = {
    path,
    kept: lo,
    omitted: items.length - lo,
    reason: `result exceeded ${max} characters`,
    hint,
  };
  const structured = { ...withItems(data, path, items.slice(0, lo)), truncated };
  return { text: JSON.stringify(structured), structured };
}

/** Turns an Edge API response into a tool result: JSON as `structuredContent` (always an object) plus a text mirror. */
export function toToolResult(
  tool: AnyTool,
  response: EdgeResponse,
  maxChars = DEFAULT_MAX_RESULT_CHARS,
): ToolResult {
  const { data } = response;
  if (typeof data === 'string') {
    if (data.length <= maxChars) return { content: [{ type: 'text', text: data }] };
    const cut = data.lastIndexOf('\n', maxChars);
    const kept = data.slice(0, cut > 0 ? cut : maxChars);
    const rows = tool.response === 'csv' ? ` (${kept.split('\n').length - 1} data rows kept)` : '';
    const note = `\n[Result cut at ${kept.length} of ${data.length} characters${rows}: narrow the time window or filters to see the rest.]`;
    return { content: [{ type: 'text', text: kept + note }] };
  }
  const structured: Record<string, unknown> =
    data !== null && typeof data === 'object' && !Array.isArray(data)
      ? (data as Record<string, unknown>)
      : Array.isArray(data)
        ? { items: data }
        : { result: data };
  const text = JSON.stringify(structured);
  if (text.length <= maxChars) return { content: [{ type: 'text', text }], structuredContent: structured };
  const fitted = fitJson(tool, structured, text, maxChars);
  return fitted.structured
    ? { content: [{ type: 'text', text: fitted.text }], structuredContent: fitted.structured }
    : { content: [{ type: 'text', text: fitted.text }] };
}
