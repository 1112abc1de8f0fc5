import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Upstream {
  /** `http://127.0.0.1:<port>/meetings`. */
  url: string;
  /** The JSON body of every request, in order. */
  seen: unknown[];
  close(): Promise<void>;
}

/** A local upstream on 127.0.0.1 for code mode's host function: records each JSON body, answers `reply`. */
export async function startUpstream(reply: unknown): Promise<Upstream> {
  const seen: unknown[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk));
    req.on('end', () => {
      seen.push(JSON.parse(body));
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(reply));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/meetings`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
