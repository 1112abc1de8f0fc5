import { INVALID_REQUEST, PARSE_ERROR, rpcError, SERVER_ERROR } from './responses.js';

/** A parsed JSON-RPC body, or the error response to send instead. */
export type BodyResult =
  { readonly ok: true; readonly body: unknown } | { readonly ok: false; readonly response: Response };

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
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}

function isMessage(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const message = value as Record<string, unknown>;
  return message['jsonrpc'] === '2.0' && (typeof message['method'] === 'string' || 'id' in message);
}

/** Reads and checks a POST body: 413 when too large, 400 -32700 when not JSON, 400 -32600 when not JSON-RPC. */
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
  const valid = Array.isArray(body) ? body.length > 0 && body.every(isMessage) : isMessage(body);
  if (!valid) {
    const message = 'Invalid Request: the body is not a JSON-RPC 2.0 message.';
    return { ok: false, response: rpcError(400, INVALID_REQUEST, message) };
  }
  return { ok: true, body };
}
