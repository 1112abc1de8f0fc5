import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a hostile upstream received. */
export interface SeenRequest {
  readonly method: string;
  /** The path under the lane's base URL (`/v1/org/...`), without the query; the raw path for strays. */
  readonly path: string;
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

/** How a lane answers one request: `n` counts the lane's requests since its last reset, from 1. */
export type FaultHandler = (req: SeenRequest, res: ServerResponse, n: number) => void;

/** A plain recording server on 127.0.0.1: the "other host" a redirect points to. */
export interface Elsewhere {
  readonly url: string;
  readonly seen: SeenRequest[];
}

/**
 * A programmable Edge API stand-in on 127.0.0.1. Every caller gets its own lane (`/lane/<name>/api/fire-edge`),
 * with its own fault and its own request log, so all tools can be hit at once; a request outside every lane
 * (a path that escaped its base) is kept in `strays`.
 */
export interface HostileUpstream {
  readonly url: string;
  readonly elsewhere: Elsewhere;
  /** The base URL of a lane, to pass as the executor's `baseUrl`. */
  baseUrl(lane: string): string;
  /** Sets how a lane answers from now on, and clears its log. */
  set(lane: string, handler: FaultHandler): void;
  /** The requests a lane received since it was last set. */
  seen(lane: string): readonly SeenRequest[];
  /** Requests that reached no lane. */
  readonly strays: SeenRequest[];
  close(): Promise<void>;
}

const BASE = '/api/fire-edge';

async function listen(server: Server): Promise<string> {
  // Idle sockets are closed by the client (it reads this in the Keep-Alive header), never by the server under
  // its feet: on a loaded machine a 5 s server timeout races the client's reuse and looks like a reset.
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((done) => server.close(() => done()));
}

function record(req: IncomingMessage, then: (body: string) => void): void {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => then(Buffer.concat(chunks).toString()));
}

/** Starts a hostile upstream and its "elsewhere" host. */
export async function startHostileUpstream(): Promise<HostileUpstream> {
  const lanes = new Map<string, { handler: FaultHandler; seen: SeenRequest[] }>();
  const strays: SeenRequest[] = [];
  const elsewhereSeen: SeenRequest[] = [];
  const other = createServer((req, res) =>
    record(req, (body) => {
      elsewhereSeen.push({
        method: req.method ?? '',
        path: req.url ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body,
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"elsewhere":true}');
    }),
  );
  const server = createServer((req, res) =>
    record(req, (body) => {
      const url = req.url ?? '';
      const match = /^\/lane\/([^/]+)(\/[^?]*)/.exec(url);
      const lane = match ? lanes.get(decodeURIComponent(match[1]!)) : undefined;
      const path = match?.[2]?.startsWith(BASE) ? match[2].slice(BASE.length) : (match?.[2] ?? url);
      const seen = { method: req.method ?? '', path, url, headers: req.headers, body };
      if (!lane || !match?.[2]?.startsWith(`${BASE}/`)) {
        strays.push(seen);
        res.writeHead(404, { 'content-type': 'application/json' });
        return void res.end('{"errorCode":"NotFound","errorMessage":"stray request"}');
      }
      lane.seen.push(seen);
      lane.handler(seen, res, lane.seen.length);
    }),
  );
  const [url, otherUrl] = await Promise.all([listen(server), listen(other)]);
  return {
    url,
    elsewhere: { url: otherUrl, seen: elsewhereSeen },
    baseUrl: (lane) => `${url}/lane/${encodeURIComponent(lane)}${BASE}`,
    set: (lane, handler) => void lanes.set(lane, { handler, seen: [] }),
    seen: (lane) => lanes.get(lane)?.seen ?? [],
    strays,
    close: async () => void (await Promise.all([closeServer(server), closeServer(other)])),
  };
}
