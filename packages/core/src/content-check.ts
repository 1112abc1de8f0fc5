/** Turns a successful answer into data only when it is what the tool expects; says what came back otherwise. */
import { EdgeError } from './errors.js';
import type { RawAnswer } from './exchange.js';
import type { AnyTool } from './tool.js';

const HTML_TYPE = /^(text\/html|application\/xhtml\+xml)$/;
const HTML_START = /^\s*<(!doctype\s+html|html|head|body|title|meta|script)\b/i;
const BINARY_TYPE =
  /^(image|audio|video|font)\/|^application\/(octet-stream|pdf|zip|gzip|x-gzip|x-tar|x-7z-compressed|x-protobuf|protobuf|msgpack|x-msgpack|cbor|wasm)$/;

/** The media type of a `Content-Type`, lower-cased, without parameters (and never long). */
export function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase().slice(0, 100);
}

/** A byte count as people say it: "640 bytes", "12 kB", "8.4 MB". */
export function sizeOf(bytes: number): string {
  if (bytes < 1000) return `${bytes} bytes`;
  if (bytes < 1_000_000) return `${Math.round(bytes / 1000)} kB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

function titleOf(html: string): string {
  const title = /<title[^>]*>([^<]*)/i.exec(html)?.[1]?.replace(/\s+/g, ' ').trim() ?? '';
  return title.length > 80 ? `${title.slice(0, 80)}…` : title;
}

function quoteStart(text: string): string {
  const start = text.trim().replace(/\s+/g, ' ');
  return JSON.stringify(start.length > 60 ? `${start.slice(0, 60)}…` : start);
}

/** The body as text when it is text: valid UTF-8 without NUL bytes; undefined when it is binary. */
function asText(answer: RawAnswer): string | undefined {
  const type = mediaType(answer.contentType);
  if (BINARY_TYPE.test(type) || answer.body.subarray(0, 1024).includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(answer.body);
  } catch {
    return undefined;
  }
}

/** What a body is, in a few words, when it is not plain text or JSON: an HTML page or binary data. */
function oddity(answer: RawAnswer, text: string | undefined): string | undefined {
  const type = mediaType(answer.contentType);
  if (text === undefined)
    return `binary data (${type || 'no content type'}, ${sizeOf(answer.body.byteLength)})`;
  if (HTML_TYPE.test(type) || HTML_START.test(text)) {
    const title = titleOf(text);
    return `an HTML page${title ? ` titled ${JSON.stringify(title)}` : ''}: a proxy or login page in the way?`;
  }
  return undefined;
}

/** An error body in the form `toEdgeError` quotes: parsed JSON, text, or a few words on what it is. */
export function errorBody(answer: RawAnswer): unknown {
  const text = asText(answer);
  const odd = oddity(answer, text);
  if (odd !== undefined || text === undefined) return odd;
  if (!/json/.test(mediaType(answer.contentType))) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function refuse(tool: AnyTool, answer: RawAnswer, what: string): EdgeError {
  const expected = tool.response === 'json' ? 'JSON' : tool.response === 'csv' ? 'CSV' : 'text';
  const next = tool.safety.idempotent
    ? 'Try again later; if it keeps happening, check the base URL (CHILI_PIPER_BASE_URL) and any proxy in between.'
    : 'The change may or may not have been applied: check with a read tool before calling it again.';
  return new EdgeError(
    'unexpected-response',
    `The Edge API answered ${tool.name} with ${what} (HTTP ${answer.status}) where ${expected} was expected, so it was not used as a result. ${next}`,
    { status: answer.status },
  );
}

/**
 * The data of a 2xx answer the body of which was read in full: parsed JSON when it is JSON, the text when the
 * tool returns CSV or text. HTML, binary data, and for JSON tools an empty body, invalid JSON or other text, are
 * refused with an `unexpected-response` {@link EdgeError} that says what came back.
 */
export function successData(tool: AnyTool, answer: RawAnswer): unknown {
  if (answer.status === 204 || answer.status === 205) return tool.response === 'json' ? {} : '';
  const text = asText(answer);
  const odd = oddity(answer, text);
  if (odd !== undefined || text === undefined) throw refuse(tool, answer, odd ?? 'binary data');
  const type = mediaType(answer.contentType);
  const json = /json/.test(type);
  if (text.trim() === '') {
    if (tool.response === 'json')
      throw refuse(tool, answer, `an empty answer (${type || 'no content type'})`);
    return text;
  }
  if (!json && tool.response !== 'json') return text;
  try {
    return JSON.parse(text);
  } catch {
    throw refuse(
      tool,
      answer,
      json
        ? `invalid JSON (starting ${quoteStart(text)})`
        : `text instead of JSON (${type || 'no content type'}, starting ${quoteStart(text)})`,
    );
  }
}

/** A 2xx body longer than the limit: nothing of it is used, and the message says how to ask for less. */
export function tooLarge(tool: AnyTool, answer: RawAnswer, maxBytes: number): EdgeError {
  const ways = [
    ...(tool.pagination ? ['a smaller pagination.pageSize (then step pagination.page)'] : []),
    ...(tool.span ? [`a shorter ${tool.span.start}–${tool.span.end} window`] : []),
    'narrower filters or fewer ids',
  ];
  const done =
    tool.safety.kind === 'read'
      ? ''
      : ` The request itself succeeded (HTTP ${answer.status}): do not send it again to see the answer.`;
  return new EdgeError(
    'response-too-large',
    `The Edge API's answer to ${tool.name} is larger than ${sizeOf(maxBytes)}, the most this server reads, so it was not used.${done} Ask for less: ${ways.join(', or ')}.`,
    { status: answer.status },
  );
}
