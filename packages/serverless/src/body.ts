import { checkMessage, type Rejection } from '@chilipiper-mcp/core';
import { INVALID_PARAMS, INVALID_REQUEST, json, PARSE_ERROR, rpcError, SERVER_ERROR } from './responses.js';

/** A parsed JSON-RPC body, or the error response to send instead. */
export type BodyResult =
  { readonly ok: true; readonly body: unknown } | { readonly ok: false; readonly response: Response };

const utf8 = new TextDecoder();

const tooLarge = (max: number) =>
  rpcError(413, SERVER_ERROR, `Payload too large: the request body exceeds ${max} bytes.`);

/** Reads the body up to `max` bytes: the declared `Content-Length` and the bytes actually read both count. */
async function readText(request: Request, max: number): Promise<string | undefined> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > max) return undefined;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return utf8.decode(chunks[0]);
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return utf8.decode(all);
}

/**
 * The answer to a body that is not a valid message: 400, except -32602 for a request with an id, which is
 * answered 200 like every other error of that request (the client then sees the JSON-RPC error, not HTTP 400).
 */
function rejected({ answer, problem }: Rejection): BodyResult {
  if (answer?.error.code === INVALID_PARAMS && answer.id !== null) {
    return { ok: false, response: json(200, answer) };
  }
  return {
    ok: false,
    response: json(
      400,
      answer ?? { jsonrpc: '2.0', id: null, error: { code: INVALID_REQUEST, message: problem } },
    ),
  };
}

/**
 * Reads and checks a POST body: 413 when too large, 400 -32700 when not JSON, 400 -32600 when not JSON-RPC
 * (naming what is wrong), and -32602 with the request's id when only its `params` are malformed.
 */
export async function readJsonRpc(request: Request, max: number): Promise<BodyResult> {
  let text: string | undefined;
  try {
    text = await readText(request, max);
  } catch {
    // The client went away or the stream broke mid-body: nothing to parse, and nothing worth logging.
    return {
      ok: false,
      response: rpcError(400, PARSE_ERROR, 'Parse error: the request body could not be read.'),
    };
  }
  if (text === undefined) return { ok: false, response: tooLarge(max) };
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return { ok: false, response: rpcError(400, PARSE_ERROR, 'Parse error: the body is not valid JSON.') };
  }
  if (!Array.isArray(body)) {
    const rejection = checkMessage(body);
    return rejection ? rejected(rejection) : { ok: true, body };
  }
  if (body.length === 0) {
    return { ok: false, response: rpcError(400, INVALID_REQUEST, 'Invalid Request: the batch is empty.') };
  }
  for (const [index, message] of body.entries()) {
    const problem = checkMessage(message)?.problem;
    if (problem)
      return { ok: false, response: rpcError(400, INVALID_REQUEST, `Batch message ${index}: ${problem}`) };
  }
  return { ok: true, body };
}
