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
  const url = new URL(
    `${secure ? 'https' : 'http'}://${req.headers.host}${target.startsWith('/') ? '' : '/'}${target}`,
  );
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

/** Writes a web `Response` to a Node response, streaming the body and stopping if the client goes away. */
export async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.appendHeader(name, value));
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  res.once('close', () => void reader.cancel().catch(() => undefined));
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!res.write(value)) await new Promise((resolve) => res.once('drain', resolve).once('close', resolve));
  }
  res.end();
}
