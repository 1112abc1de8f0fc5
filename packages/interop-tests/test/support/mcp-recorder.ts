// A loopback reverse proxy in front of our HTTP server that keeps every JSON-RPC message both ways, so a
// test can read what a client sent (its initialize request, protocol version header, tool calls) without
// changing the server or the client.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One HTTP exchange: the JSON-RPC request and the JSON-RPC response (`undefined` when not JSON). */
export interface Exchange {
  method: string;
  headers: IncomingHttpHeaders;
  request: unknown;
  status: number;
  response: unknown;
}

/** What the client asked for and what was agreed in `initialize`. */
export interface Negotiation {
  client: { name: string; version: string };
  requested: string;
  negotiated: string;
  /** `MCP-Protocol-Version` headers on the requests after `initialize`. */
  laterHeaders: (string | undefined)[];
}

export interface Recorder {
  url: string;
  exchanges: Exchange[];
  negotiation(): Negotiation | undefined;
  close(): Promise<void>;
}

const parse = (text: string): unknown => {
  const data =
    text.startsWith('event:') || text.startsWith('data:') ? /^data: ?(.*)$/m.exec(text)?.[1] : text;
  try {
    return data ? JSON.parse(data) : undefined;
  } catch {
    return undefined;
  }
};

type Rpc = { method?: string; params?: Record<string, unknown>; result?: Record<string, unknown> };

/** The exchanges of one session: those before the client's next `initialize`. */
function untilNextInitialize(exchanges: Exchange[]): Exchange[] {
  const next = exchanges.findIndex((e) => (e.request as Rpc | undefined)?.method === 'initialize');
  return next < 0 ? exchanges : exchanges.slice(0, next);
}

/** Starts the proxy for `target` (an MCP endpoint URL); the proxy serves the same path. */
export async function startRecorder(target: string): Promise<Recorder> {
  const exchanges: Exchange[] = [];
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = Object.fromEntries(
        Object.entries(req.headers).filter(
          ([k, v]) => typeof v === 'string' && k !== 'host' && k !== 'connection',
        ),
      ) as Record<string, string>;
      fetch(new URL(req.url ?? '/', upstream), { method: req.method ?? 'GET', headers, body: body || null })
        .then(async (r) => {
          const text = await r.text();
          exchanges.push({
            method: req.method ?? '',
            headers: req.headers,
            request: parse(body),
            status: r.status,
            response: parse(text),
          });
          res.writeHead(
            r.status,
            Object.fromEntries(
              [...r.headers].filter(([k]) => k !== 'content-length' && k !== 'transfer-encoding'),
            ),
          );
          res.end(text);
        })
        .catch((error: unknown) => {
          res.writeHead(502).end(String(error));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${upstream.pathname}`,
    exchanges,
    negotiation() {
      const i = exchanges.findIndex((e) => (e.request as Rpc | undefined)?.method === 'initialize');
      if (i < 0) return undefined;
      const { params } = exchanges[i]!.request as Rpc;
      const { result } = (exchanges[i]!.response ?? {}) as Rpc;
      return {
        client: params?.['clientInfo'] as Negotiation['client'],
        requested: params?.['protocolVersion'] as string,
        negotiated: result?.['protocolVersion'] as string,
        laterHeaders: untilNextInitialize(exchanges.slice(i + 1)).map(
          (e) => e.headers['mcp-protocol-version'] as string | undefined,
        ),
      };
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
