import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { writeResponse } from '../src/index.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** Serves one web `Response` through `writeResponse` and returns what a client receives, chunk by chunk. */
async function roundTrip(response: () => Response, onChunk?: (chunk: string) => void) {
  server = createServer((_req, res) => void writeResponse(response(), res));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return new Promise<{ status: number; headers: IncomingHttpHeaders; chunks: string[] }>(
    (resolve, reject) => {
      request({ port, host: '127.0.0.1', agent: false }, (res) => {
        const chunks: string[] = [];
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (chunks.push(chunk), onChunk?.(chunk)));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, chunks }));
      })
        .on('error', reject)
        .end();
    },
  );
}

describe('writeResponse', () => {
  it('sends a complete body in one piece with its Content-Length, keeping repeated headers', async () => {
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, result: { é: 'ü' } });
    const headers = new Headers({ 'content-type': 'application/json', 'x-one': '1' });
    headers.append('set-cookie', 'a=1');
    headers.append('set-cookie', 'b=2');
    const got = await roundTrip(() => new Response(body, { status: 201, headers }));
    expect(got.status).toBe(201);
    expect(got.chunks.join('')).toBe(body);
    expect(got.headers['content-length']).toBe(String(Buffer.byteLength(body)));
    expect(got.headers['transfer-encoding']).toBeUndefined();
    expect(got.headers['set-cookie']).toStrictEqual(['a=1', 'b=2']);
    expect(got.headers['x-one']).toBe('1');
  });

  it('answers a response without a body', async () => {
    const got = await roundTrip(() => new Response(null, { status: 204, headers: { 'x-empty': 'yes' } }));
    expect({ status: got.status, chunks: got.chunks, empty: got.headers['x-empty'] }).toStrictEqual({
      status: 204,
      chunks: [],
      empty: 'yes',
    });
  });

  it('streams a body that is still being produced, chunk by chunk', async () => {
    const encoder = new TextEncoder();
    let clientGotFirst: () => void = () => undefined;
    const firstArrived = new Promise<void>((resolve) => (clientGotFirst = resolve));
    const stream = () =>
      new ReadableStream<Uint8Array>({
        async start(controller) {
          controller.enqueue(encoder.encode('event: one\n\n'));
          await firstArrived; // only continues once the client holds the first event: nothing was buffered
          controller.enqueue(encoder.encode('event: two\n\n'));
          controller.close();
        },
      });
    const got = await roundTrip(
      () => new Response(stream(), { headers: { 'content-type': 'text/event-stream' } }),
      (chunk) => chunk.includes('one') && clientGotFirst(),
    );
    expect(got.chunks.join('')).toBe('event: one\n\nevent: two\n\n');
    expect(got.headers['transfer-encoding']).toBe('chunked');
  });
});
