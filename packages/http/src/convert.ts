import type { IncomingMessage, ServerResponse } from 'node:http';
import type { NodeRequest } from './node-handler.js';

/**
 * The request body as a web stream. Cancelling it (the web handler stops at `maxBodyBytes`) only pauses the
 * Node stream, so the socket stays open for the 413 answer (sent with `Connection: close`). Nothing is
 * buffered once the request is over (`signal`).
 */
function bodyStream(req: IncomingMessage, signal: AbortSignal): ReadableStream<Uint8Array> {
  let open = true;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      signal.addEventListener('abort', () => (open = false), { once: true });
      req.on('data', (chunk: Buffer) => {
        if (!open) return;
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if ((controller.desiredSize ?? 0) <= 0) req.pause();
      });
      req.once('end', () => open && ((open = false), controller.close()));
      req.once('error', (error) => open && ((open = false), controller.error(error)));
    },
    pull() {
      req.resume();
    },
    cancel() {
      open = false;
      req.pause();
    },
  });
}

/** Converts a Node request to a web `Request` (streaming the body unless a parser already consumed it). */
export function toWebRequest(req: NodeRequest, signal: AbortSignal): Request {
  const secure = (req.socket as { encrypted?: boolean }).encrypted === true;
  // Concatenated, not resolved: a request target like `//other.host/mcp` must stay a path.
  const target = req.originalUrl ?? req.url ?? '/';
  // A string, parsed once by `Request` (a `URL` object would be serialized and parsed again).
  const url = `${secure ? 'https' : 'http'}://${req.headers.host}${target.startsWith('/') ? '' : '/'}${target}`;
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(':') || value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const method = req.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD') return new Request(url, { method, headers, signal });
  let body: BodyInit | null;
  if (req.body !== undefined) {
    const parsed = req.body;
    if (typeof parsed === 'string') body = parsed;
    else if (parsed instanceof Uint8Array) body = new Uint8Array(parsed);
    else body = JSON.stringify(parsed);
    headers.delete('content-length');
  } else {
    body = req.readableEnded ? null : bodyStream(req, signal);
  }
  return new Request(url, { method, headers, body, signal, duplex: 'half' } as RequestInit);
}

/**
 * A read that settles within a few microtask turns (a body made from a string or bytes takes two), or
 * `undefined` when it would have to wait for I/O: the body is still being produced.
 */
function settled<T>(read: Promise<T>): Promise<T | undefined> {
  let turns: Promise<unknown> = Promise.resolve();
  for (let i = 0; i < 8; i++) turns = turns.then();
  return Promise.race([read, turns.then(() => undefined)]);
}

/** The response headers as one object for `writeHead` (repeated names, e.g. `set-cookie`, as arrays). */
function headerRecord(headers: Headers): Record<string, string | string[]> {
  const record: Record<string, string | string[]> = {};
  headers.forEach((value, name) => {
    const seen = record[name];
    record[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  });
  return record;
}

/**
 * Writes a web `Response` to a Node response. A body that is already complete (every JSON answer) goes out
 * in one write with its `Content-Length`; a body still streaming is written chunk by chunk as it comes, and
 * reading stops if the client goes away.
 */
export async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers = headerRecord(response.headers);
  if (!response.body) {
    res.writeHead(response.status, headers).end();
    return;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let pending: Promise<ReadableStreamReadResult<Uint8Array>> | undefined;
  for (;;) {
    pending ??= reader.read();
    const read = await settled(pending);
    if (read === undefined) break;
    pending = undefined;
    if (read.done) {
      headers['content-length'] ??= String(chunks.reduce((n, c) => n + c.byteLength, 0));
      res.writeHead(response.status, headers);
      res.end(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
      return;
    }
    chunks.push(read.value);
  }
  res.writeHead(response.status, headers);
  res.once('close', () => void reader.cancel().catch(() => undefined));
  for (const chunk of chunks) res.write(chunk);
  for (;;) {
    const { done, value } = await (pending ?? reader.read());
    pending = undefined;
    if (done) break;
    if (!res.write(value)) await new Promise((resolve) => res.once('drain', resolve).once('close', resolve));
  }
  res.end();
}
