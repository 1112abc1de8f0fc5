import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { EdgeError, toRequest, type AnyTool } from '../src/index.js';
import { send } from '../src/send.js';
import { startStub } from './helpers/stub-server.js';
import { csvTool, readTool, writeTool } from './helpers/tools.js';

const KEY = 'content_key_0123456789abcdef_secret';
let stub: Awaited<ReturnType<typeof startStub>> | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
  Buffer.alloc(12_000, 7),
]);
const LOGIN = '<!DOCTYPE html><html><head><title>Sign in - Corporate SSO</title></head><body>…</body></html>';

function answer(status: number, type: string | undefined, body: string | Buffer) {
  return (_req: unknown, res: ServerResponse) => {
    res.writeHead(status, type === undefined ? {} : { 'content-type': type });
    res.end(body);
  };
}

const args = new Map<AnyTool, Record<string, unknown>>([
  [readTool, { thingId: 't' }],
  [writeTool, { name: 'x' }],
  [csvTool, { start: 's', end: 'e' }],
]);

async function outcome(tool: AnyTool, handler: ReturnType<typeof answer>): Promise<unknown> {
  stub = await startStub(handler);
  return send(tool, toRequest(tool, args.get(tool)!), { apiKey: KEY }, { baseUrl: stub.url }).then(
    (r) => ({ data: r.data }),
    (e: unknown) => {
      expect(e).toBeInstanceOf(EdgeError);
      const { kind, message, details } = e as EdgeError;
      return { kind, message, details };
    },
  );
}

const tail = (expected: string) =>
  `where ${expected} was expected, so it was not used as a result. Try again later; if it keeps happening, ` +
  'check the base URL (CHILI_PIPER_BASE_URL) and any proxy in between.';

describe('a JSON tool takes only JSON', () => {
  it.each([
    [
      'an HTML login page',
      answer(200, 'text/html; charset=utf-8', LOGIN),
      'an HTML page titled "Sign in - Corporate SSO": a proxy or login page in the way? (HTTP 200)',
    ],
    [
      'HTML sent as JSON',
      answer(200, 'application/json', LOGIN),
      'an HTML page titled "Sign in - Corporate SSO": a proxy or login page in the way? (HTTP 200)',
    ],
    ['a PNG', answer(200, 'image/png', PNG), 'binary data (image/png, 12 kB) (HTTP 200)'],
    [
      'bytes with no type',
      answer(200, undefined, Buffer.from([0x7b, 0, 0xff, 0x7d])),
      'binary data (no content type, 4 bytes) (HTTP 200)',
    ],
    [
      'invalid UTF-8 as text',
      answer(200, 'text/plain', Buffer.from([0x61, 0xc3, 0x28])),
      'binary data (text/plain, 3 bytes) (HTTP 200)',
    ],
    ['an empty 200', answer(200, 'application/json', ''), 'an empty answer (application/json) (HTTP 200)'],
    [
      'an empty 200 without a type',
      answer(200, undefined, ''),
      'an empty answer (no content type) (HTTP 200)',
    ],
    [
      'invalid JSON',
      answer(200, 'application/json', '{"a":'),
      'invalid JSON (starting "{\\"a\\":") (HTTP 200)',
    ],
    [
      'text that is not JSON',
      answer(201, 'text/plain', 'OK   done'),
      'text instead of JSON (text/plain, starting "OK done") (HTTP 201)',
    ],
  ])('%s is an error that says what came back', async (_name, handler, what) => {
    expect(await outcome(readTool, handler)).toStrictEqual({
      kind: 'unexpected-response',
      message: `The Edge API answered test-read with ${what} ${tail('JSON')}`,
      details: { status: Number(/HTTP (\d+)/.exec(what)![1]) },
    });
  });

  it('tells a write it may have been applied', async () => {
    const result = (await outcome(writeTool, answer(200, 'text/html', LOGIN))) as { message: string };
    expect(result.message).toMatch(/may or may not have been applied: check with a read tool/);
  });

  it.each([
    ['JSON', answer(200, 'application/json; charset=utf-8', '{"a":1}'), { a: 1 }],
    ['vendor JSON', answer(200, 'application/vnd.edge+json', '[1]'), [1]],
    ['JSON sent as text/plain', answer(200, 'text/plain', ' {"a":1}'), { a: 1 }],
    ['JSON without a type', answer(200, undefined, '{"a":1}'), { a: 1 }],
    ['a 204', answer(204, undefined, ''), {}],
  ])('%s is data', async (_name, handler, data) => {
    expect(await outcome(readTool, handler)).toStrictEqual({ data });
  });
});

describe('a CSV tool takes text', () => {
  it.each([
    ['CSV', answer(200, 'text/csv', 'a,b\n1,2\n'), 'a,b\n1,2\n'],
    ['text', answer(200, 'text/plain', 'a,b\n'), 'a,b\n'],
    ['an empty export', answer(200, 'text/csv', ''), ''],
    ['JSON', answer(200, 'application/json', '{"rows":[]}'), { rows: [] }],
  ])('%s is data', async (_name, handler, data) => {
    expect(await outcome(csvTool, handler)).toStrictEqual({ data });
  });

  it.each([
    [
      'HTML',
      answer(200, 'text/html', LOGIN),
      'an HTML page titled "Sign in - Corporate SSO": a proxy or login page in the way?',
    ],
    [
      'HTML sent as CSV',
      answer(200, 'text/csv', '<html><body>x</body></html>'),
      'an HTML page: a proxy or login page in the way?',
    ],
    ['binary', answer(200, 'application/octet-stream', PNG), 'binary data (application/octet-stream, 12 kB)'],
  ])('%s is an error', async (_name, handler, what) => {
    expect(await outcome(csvTool, handler)).toStrictEqual({
      kind: 'unexpected-response',
      message: `The Edge API answered test-csv with ${what} (HTTP 200) ${tail('CSV')}`,
      details: { status: 200 },
    });
  });
});

describe('error bodies', () => {
  it('an HTML 502 is described, not quoted as markup', async () => {
    const page = '<html><head><title>502 Bad Gateway</title></head><body><script>x()</script></body></html>';
    const result = (await outcome(writeTool, answer(502, 'text/html', page))) as { message: string };
    expect(result.message).toContain(
      'The API said: "an HTML page titled "502 Bad Gateway": a proxy or login page in the way?"',
    );
    expect(result.message).not.toContain('<script>');
  });

  it('a binary 500 is described by type and size', async () => {
    const result = (await outcome(writeTool, answer(500, 'image/png', PNG))) as { message: string };
    expect(result.message).toContain('The API said: "binary data (image/png, 12 kB)"');
  });
});
