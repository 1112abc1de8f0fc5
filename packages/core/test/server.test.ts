import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, createChiliPiperServer, type ChiliPiperServerOptions } from '../src/index.js';
import { json, startStub } from './helpers/stub-server.js';
import { csvTool, readTool, writeTool } from './helpers/tools.js';

const KEY = 'inmemory_key_abcdef0123456789';
let stub: Awaited<ReturnType<typeof startStub>> | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

async function connect(options: Partial<ChiliPiperServerOptions> & { baseUrl: string }) {
  const server = createChiliPiperServer({ apiKey: KEY, tools: [readTool, writeTool, csvTool], ...options });
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'test', version: '0' });
  await Promise.all([server.connect(serverSide), client.connect(clientSide)]);
  return client;
}

type Result = {
  isError?: boolean;
  content: { text: string }[];
  structuredContent?: Record<string, unknown>;
  _meta?: Record<string, unknown>;
};

describe('MCP binding over the in-memory transport', () => {
  it('lists tools with JSON Schema input and annotations from the safety class', async () => {
    const client = await connect({ baseUrl: 'http://127.0.0.1:9' });
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toStrictEqual(['test-read', 'test-write', 'test-csv']);
    const read = tools[0]!;
    expect(read.inputSchema.type).toBe('object');
    expect(read.inputSchema.required).toStrictEqual(['thingId']);
    expect(read.annotations).toStrictEqual({
      title: 'Read',
      readOnlyHint: true,
      destructiveHint: false,
      idempotentHint: true,
      openWorldHint: true,
    });
    expect(tools[1]!.annotations).toMatchObject({ readOnlyHint: false, idempotentHint: false });
  });

  it('calls a tool end to end: JSON in structuredContent plus a text mirror', async () => {
    stub = await startStub((_req, res) => json(res, 200, [{ id: 1 }]));
    const client = await connect({ baseUrl: stub.url });
    const result = (await client.callTool({ name: 'test-read', arguments: { thingId: 'abc' } })) as Result;
    expect(result.structuredContent).toStrictEqual({ results: [{ id: 1 }] });
    expect(JSON.parse(result.content[0]!.text)).toStrictEqual({ results: [{ id: 1 }] });
    expect(stub.seen[0]?.url).toBe('/api/fire-edge/v1/org/thing/abc?page=0&pageSize=10');
  });

  it('accepts stringified JSON objects for object arguments', async () => {
    stub = await startStub((_req, res) => json(res, 200, { ok: true }));
    const client = await connect({ baseUrl: stub.url });
    const result = (await client.callTool({
      name: 'test-read',
      arguments: { thingId: 'a', pagination: '{"page":1,"pageSize":20}' },
    })) as Result;
    expect(result.isError).toBeFalsy();
    expect(stub.seen[0]?.url).toBe('/api/fire-edge/v1/org/thing/a?page=1&pageSize=20');
  });

  it('names every bad field and sends nothing', async () => {
    stub = await startStub((_req, res) => json(res, 200, {}));
    const client = await connect({ baseUrl: stub.url });
    const result = (await client.callTool({
      name: 'test-read',
      arguments: { thingId: 5, extra: true },
    })) as Result;
    expect(result.isError).toBe(true);
    expect(result.content[0]!.text).toMatch(/- extra: unknown field/);
    expect(result.content[0]!.text).toMatch(/- thingId: .*string/);
    expect(stub.seen).toHaveLength(0);
  });

  it('checks span limits before sending', async () => {
    stub = await startStub((_req, res) => json(res, 200, {}));
    const client = await connect({ baseUrl: stub.url });
    const result = (await client.callTool({
      name: 'test-csv',
      arguments: { start: '2026-01-01T00:00:00Z', end: '2026-01-09T00:00:00Z' },
    })) as Result;
    expect(result.isError).toBe(true);
    expect(result.content[0]!.text).toMatch(/at most 7 days/);
    expect(stub.seen).toHaveLength(0);
  });

  it('read-only mode hides and refuses write tools', async () => {
    stub = await startStub((_req, res) => json(res, 200, {}));
    const client = await connect({ baseUrl: stub.url, readOnly: true });
    expect((await client.listTools()).tools.map((t) => t.name)).toStrictEqual(['test-read', 'test-csv']);
    const result = (await client.callTool({ name: 'test-write', arguments: { name: 'x' } })) as Result;
    expect(result.isError).toBe(true);
    expect(result.content[0]!.text).toMatch(/disabled: this server is in read-only mode/);
    expect(result._meta).toStrictEqual({ 'chilipiper-mcp/error': { kind: 'tool-unavailable' } });
    expect(stub.seen).toHaveLength(0);
  });

  it('says a tool left out by the tool filter is not enabled, and an unknown one does not exist', async () => {
    stub = await startStub((_req, res) => json(res, 200, {}));
    const client = await connect({ baseUrl: stub.url, exclude: ['test-write'] });
    const hidden = (await client.callTool({ name: 'test-write', arguments: { name: 'x' } })) as Result;
    expect(hidden.content[0]!.text).toMatch(/not enabled on this server \(its tool filter leaves it out\)/);
    const unknown = (await client.callTool({ name: 'test-nope', arguments: {} })) as Result;
    expect(unknown.content[0]!.text).toMatch(/"test-nope" does not exist/);
    expect(stub.seen).toHaveLength(0);
  });

  it('refuses an option name it does not know, so a typo cannot silently fall back to a default', () => {
    expect(() =>
      createChiliPiperServer({ apiKey: KEY, baseURL: 'http://127.0.0.1:1' } as unknown as Parameters<
        typeof createChiliPiperServer
      >[0]),
    ).toThrow(/Unknown option "baseURL"/);
  });

  it('resolves the key per request from a function', async () => {
    stub = await startStub((_req, res) => json(res, 200, {}));
    let calls = 0;
    const client = await connect({ baseUrl: stub.url, apiKey: () => `key-${++calls}` });
    await client.callTool({ name: 'test-read', arguments: { thingId: 'a' } });
    await client.callTool({ name: 'test-read', arguments: { thingId: 'b' } });
    expect(stub.seen.map((s) => s.headers.authorization)).toStrictEqual(['Bearer key-1', 'Bearer key-2']);
  });

  it('rejects a filter that matches nothing or names an unknown tool at creation', () => {
    expect(() => createChiliPiperServer({ apiKey: KEY, include: ['nope'] })).toThrow(ConfigError);
    expect(() =>
      createChiliPiperServer({ apiKey: KEY, include: ['organization'], exclude: ['organization'] }),
    ).toThrow(/matches no tool/);
  });
});
