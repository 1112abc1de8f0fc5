// CR/LF in any input never becomes a header: not from a path variable, a query value, a body field, or the key.
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { getTool } from '../src/index.js';
import { createNodeFetch } from '../src/node.js';
import { runTool } from './helpers/run-tool.js';
import { json, startStub } from './helpers/stub-server.js';

const KEY = 'crlf_key_0123456789abcdef_secret';
const INJECT = 'x\r\nX-Injected: yes\r\n\r\nGET /evil HTTP/1.1';
let stub: Awaited<ReturnType<typeof startStub>> | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});
const node = createNodeFetch();
afterAll(() => node.close());

describe.each([
  ['global fetch', undefined],
  ['undici keep-alive fetch', node.fetch],
] as const)('CR/LF never becomes a header (%s)', (_name, fetch) => {
  it.each([
    ['user-find', { query: INJECT }],
    ['user-invite', { email: 'a@acme.com', name: INJECT }],
    ['user-read', { userId: INJECT }],
  ])('%s', async (name, args) => {
    stub = await startStub((_req, res) => json(res, 200, {}));
    const result = await runTool(getTool(name)!, args, { apiKey: KEY, baseUrl: stub.url, fetch });
    for (const seen of stub.seen) {
      expect(seen.headers['x-injected']).toBeUndefined();
      expect(seen.url).not.toMatch(/[\r\n]|\/evil/);
    }
    expect(stub.seen.length).toBeLessThanOrEqual(1);
    expect(JSON.stringify(result)).not.toContain(KEY);
  });

  it('a key holding CR/LF is refused by the client, and not echoed', async () => {
    stub = await startStub((_req, res) => json(res, 200, {}));
    const key = `${KEY}\r\nX-Injected: yes`;
    const result = await runTool(getTool('tenant-get')!, {}, { apiKey: key, baseUrl: stub.url, fetch });
    expect(result.isError).toBe(true);
    expect(stub.seen.every((s) => s.headers['x-injected'] === undefined)).toBe(true);
    expect(JSON.stringify(result)).not.toContain(KEY);
  });
});
