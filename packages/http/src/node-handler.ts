import type { IncomingMessage, ServerResponse } from 'node:http';
import { sharedNodeFetch } from '@chilipiper-mcp/core/node';
import { createFetchHandler, type FetchHandler, type WebHandlerOptions } from '@chilipiper-mcp/serverless';
import { toWebRequest, writeResponse } from './convert.js';

/** A Node request, possibly with a body Express's `express.json()` (or another parser) already read. */
export type NodeRequest = IncomingMessage & { body?: unknown; originalUrl?: string };

/** `(req, res, next?)`: a `node:http` listener and an Express 5 middleware or route handler at once. */
export type NodeHandler = (req: NodeRequest, res: ServerResponse, next?: (error?: unknown) => void) => void;

/**
 * Creates the Node adapter over {@link createFetchHandler}: every HTTP behaviour (auth, Host/Origin checks,
 * CORS, limits, narrowing) is the web handler's; this only converts `IncomingMessage` ⇄ `Request`/`Response`.
 * Use it with `http.createServer(handler)`, `app.post('/mcp', handler)` or `app.use(handler)` (Express 5;
 * with `next`, paths the handler does not serve are passed on). Uses Node's keep-alive fetch unless `fetch` is given.
 */
export function createNodeHandler(options: WebHandlerOptions): NodeHandler {
  const fetchHandler: FetchHandler = createFetchHandler({
    ...options,
    fetch: options.fetch ?? sharedNodeFetch().fetch,
  });
  return (req, res, next) => {
    const pathname = (req.originalUrl ?? req.url ?? '/').split('?')[0] ?? '/';
    if (next && !fetchHandler.handles(pathname)) return next();
    if (!req.headers.host) {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('Missing Host header');
      return;
    }
    const aborter = new AbortController();
    // Only a client gone before the answer aborts (an abort builds an exception, not worth it on every request).
    res.once('close', () => res.writableFinished || aborter.abort());
    let request: Request;
    try {
      request = toWebRequest(req, aborter.signal);
    } catch {
      res.writeHead(400, { 'content-type': 'text/plain' }).end('Bad request');
      return;
    }
    fetchHandler(request)
      .then(async (response) => {
        // A body left unread (413, 401, …) is not drained: the connection closes after the answer.
        if (!req.complete) res.setHeader('connection', 'close');
        await writeResponse(response, res);
      })
      .catch((error: unknown) => {
        if (next) return next(error);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
  };
}
