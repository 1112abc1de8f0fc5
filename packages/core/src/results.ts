import type { EdgeError, EdgeErrorKind } from './errors.js';
import type { AnyTool } from './tool.js';

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

/** A text part of a result. */
export interface TextContent {
  type: 'text';
  text: string;
}

/** A link to a resource holding the complete output, read with `resources/read`. */
export interface ResourceLinkContent {
  type: 'resource_link';
  uri: string;
  name: string;
  mimeType?: string;
  description?: string;
}

/** A tool result in MCP's `CallToolResult` shape, without depending on the SDK. */
export interface ToolResult {
  [key: string]: unknown;
  content: (TextContent | ResourceLinkContent)[];
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

/** The text of a result, all text parts joined. */
export function resultText(result: ToolResult): string {
  return result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
}

/**
 * A JSON result: `structuredContent` (always an object: a list, a record, or `{result}` for a scalar) and the
 * same JSON as text. Over the budget, the text is cut with a note and no structured copy is sent.
 */
export function jsonResult(value: unknown, maxChars = DEFAULT_MAX_RESULT_CHARS): ToolResult {
  const structured =
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : Array.isArray(value)
        ? { results: value }
        : { result: value };
  const text = JSON.stringify(structured);
  if (text.length <= maxChars) return { content: [{ type: 'text', text }], structuredContent: structured };
  const note = `\n[Result cut at ${maxChars} of ${text.length} characters: pass fields to keep only what you need.]`;
  return { content: [{ type: 'text', text: text.slice(0, maxChars) + note }] };
}

/** Rows shown in the summary of a CSV answer that is given by reference. */
const PREVIEW_ROWS = 5;

/**
 * A text or CSV result. When it is over the budget and `link` is given, the result is a short summary (rows,
 * columns, the first rows) plus a `resource_link` to the complete text; otherwise it is cut at a line end with
 * a note.
 */
export function textResult(
  tool: AnyTool,
  text: string,
  maxChars: number,
  link?: { uri: string } | undefined,
): ToolResult {
  if (text.length <= maxChars) return { content: [{ type: 'text', text }] };
  const csv = tool.response === 'csv';
  if (link) {
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    const rows = csv ? lines.length - 1 : lines.length;
    const preview = lines.slice(0, csv ? PREVIEW_ROWS + 1 : PREVIEW_ROWS).join('\n');
    const kb = Math.round(text.length / 1024);
    const summary = csv
      ? `${rows} rows, ${kb} kB, columns: ${lines[0] ?? ''}.\nFirst ${Math.min(PREVIEW_ROWS, rows)} rows:\n${preview}\n`
      : `${rows} lines, ${kb} kB. Start:\n${preview}\n`;
    const tokens = Math.round(text.length / 2.5 / 1000);
    const how =
      `The complete ${csv ? 'CSV' : 'text'} (about ${tokens}k tokens) is the linked resource, for the user or ` +
      `the application (resources/read ${link.uri}); narrow the filters to see fewer rows here.`;
    return {
      content: [
        { type: 'text', text: summary + how },
        {
          type: 'resource_link',
          uri: link.uri,
          name: `${tool.name}${csv ? '.csv' : '.txt'}`,
          mimeType: csv ? 'text/csv' : 'text/plain',
          description: `Complete output of ${tool.name} (${rows} ${csv ? 'rows' : 'lines'}).`,
        },
      ],
    };
  }
  const cut = text.lastIndexOf('\n', maxChars);
  const kept = text.slice(0, cut > 0 ? cut : maxChars);
  const rows = csv ? ` (${kept.split('\n').length - 1} data rows kept)` : '';
  const note = `\n[Result cut at ${kept.length} of ${text.length} characters${rows}: narrow the time window or filters to see the rest.]`;
  return { content: [{ type: 'text', text: kept + note }] };
}
