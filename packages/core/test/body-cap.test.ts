import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { EdgeError, getTool, toRequest, type AnyTool } from '../src/index.js';
import { send } from '../src/send.js';
import { createNodeFetch } from '../src/node.js';
import { csvTool, readTool, writeTool } from './helpers/tools.js';

const KEY = 'cap_key_0123456789abcdef_secret';
const TOTAL = 64 * 1024 * 1024;

/** An upstream that streams `TOTAL` bytes of one status and counts how many it managed to write. */
async function endless(
  status: number,
  type: string,
): Promise<{ url: string; written: () => number; server: Server }> {
  let written = 0;
  const chunk = Buffer.alloc(64 * 1024, 'x'.charCodeAt(0));
  const server = createServer((_req, res) => {
    res.writeHead(status, { 'content-type': type });
    res.write(status >= 400 ? '{"errorCode":"Boom","errorMessage":"' : '{"results":["');
    let closed = false;
    res.on('close', () => (closed = true));
    const pump = (): void => {
      while (!closed && written < TOTAL) {
        written += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (!closed) res.end('"]}');
    };
    pump();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/api/fire-edge`, written: () => written, server };
}

let upstream: Awaited<ReturnType<typeof endless>> | undefined;
afterEach(async () => {
  upstream?.server.closeAllConnections();
  await new Promise((done) => upstream?.server.close(done));
  upstream = undefined;
});
const node = createNodeFetch();
afterAll(() => node.close());

async function failure(tool: AnyTool, args: Record<string, unknown>, options: object): Promise<EdgeError> {
  const e = await send(
    tool,
    toRequest(tool, args),
    { apiKey: KEY },
    { baseUrl: upstream!.url, ...options },
  ).catch((error: unknown) => error);
  expect(e).toBeInstanceOf(EdgeError);
  return e as EdgeError;
}

describe.each([
  ['global fetch', undefined],
  ['undici keep-alive fetch', node.fetch],
] as const)('bounded answers (%s)', (_name, fetch) => {
  it('a success body over maxResponseBytes is cut off, not read, and says how to ask for less', async () => {
    upstream = await endless(200, 'application/json');
    const e = await failure(readTool, { thingId: 't' }, { fetch, maxResponseBytes: 256 * 1024 });
    expect({ kind: e.kind, message: e.message, details: e.details }).toStrictEqual({
      kind: 'response-too-large',
      message:
        "The Edge API's answer to test-read is larger than 262 kB, the most this server reads, so it was not used. " +
        'Ask for less: a smaller pagination.pageSize (then step pagination.page), or narrower filters or fewer ids.',
      details: { status: 200 },
    });
    expect(upstream.written()).toBeLessThan(TOTAL / 2);
  });

  it('is not retried, and tells a write it went through', async () => {
    upstream = await endless(200, 'application/json');
    const attempts: number[] = [];
    const e = await failure(
      writeTool,
      { name: 'x' },
      {
        fetch,
        maxResponseBytes: 1024,
        onAttempt: (a: { attempt: number }) => attempts.push(a.attempt),
      },
    );
    expect(e.message).toContain(
      'The request itself succeeded (HTTP 200): do not send it again to see the answer.',
    );
    expect(attempts).toStrictEqual([1]);
  });

  it('names the span of a windowed export', async () => {
    upstream = await endless(200, 'text/csv');
    const e = await failure(csvTool, { start: 's', end: 'e' }, { fetch, maxResponseBytes: 1024 });
    expect(e.message).toContain(
      'Ask for less: a shorter start–end window, or narrower filters or fewer ids.',
    );
  });

  it('the default cap (8 MiB) holds too', async () => {
    upstream = await endless(200, 'application/json');
    const e = await failure(getTool('tenant-get')!, {}, { fetch });
    expect(e.kind).toBe('response-too-large');
    expect(e.message).toContain('larger than 8.4 MB');
    expect(upstream.written()).toBeLessThan(TOTAL / 2);
  });

  it('an error body is read only up to 64 KiB, and quoted up to 500 characters', async () => {
    upstream = await endless(500, 'application/json');
    const e = await failure(writeTool, { name: 'x' }, { fetch });
    expect(e.kind).toBe('server-error');
    expect(e.message).toContain(
      `The API said: "${'{"errorCode":"Boom","errorMessage":"'}${'x'.repeat(464)}".`,
    );
    expect(upstream.written()).toBeLessThan(TOTAL / 2);
  });
});
