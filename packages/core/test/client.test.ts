import { createSandbox, DEMO_READONLY_KEY } from '@chilipiper-mcp/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bindTools,
  catalog,
  ChiliPiperError,
  ConfigError,
  createChiliPiperClient,
  executeTool,
  getTool,
  resultText,
  selectTools,
  toMethodName,
} from '../src/index.js';
import { rejection } from './helpers/rejection.js';

type Sandbox = Awaited<ReturnType<typeof createSandbox>>;
const NIL_UUID = '00000000-0000-0000-0000-000000000000';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createSandbox();
});
afterAll(() => sandbox?.close());

/** The rejection of a call, as a ChiliPiperError (fails the test when the call resolves). */
const failure = (call: Promise<unknown>) => rejection(call, ChiliPiperError);

/** The data fields of an error, for a whole-object comparison. */
const dataOf = (e: ChiliPiperError) => ({
  kind: e.kind,
  tool: e.tool,
  status: e.status,
  permission: e.permission,
  fields: e.fields,
  retryAfterSeconds: e.retryAfterSeconds,
});

describe('createChiliPiperClient against the sandbox', () => {
  it('resolves a JSON tool to the structuredContent the executor gives', async () => {
    const client = createChiliPiperClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url });
    const tenant = await client.tenantGet();
    const direct = await executeTool(
      getTool('tenant-get')!,
      {},
      { apiKey: sandbox.apiKey, baseUrl: sandbox.url },
    );
    expect(tenant).toStrictEqual(direct.structuredContent);
    expect((tenant['tenantData'] as { subdomain: string }).subdomain).toBe('acme');
  });

  it('sends typed input and reads a paged list', async () => {
    const client = createChiliPiperClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url });
    const before = sandbox.requests.length;
    const page = await client.userFind({ query: 'a', pagination: { pageSize: 2 } });
    expect((page['results'] as unknown[]).length).toBeLessThanOrEqual(2);
    expect(sandbox.requests.length).toBe(before + 1);
    expect(sandbox.requests.at(-1)).toMatchObject({
      operation: 'user-find',
      query: { query: 'a', pageSize: '2' },
    });
  });

  it('resolves a text tool to { text }', async () => {
    const client = createChiliPiperClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url });
    const ping = await client.healthPing();
    const direct = await executeTool(
      getTool('health-ping')!,
      {},
      { apiKey: sandbox.apiKey, baseUrl: sandbox.url },
    );
    expect(ping).toStrictEqual({ text: resultText(direct) });
  });

  it('rejects a 403 with the missing permission as data (a read-only key calling a write tool)', async () => {
    const client = createChiliPiperClient({ apiKey: DEMO_READONLY_KEY, baseUrl: sandbox.url });
    const error = await failure(client.meetingCancel({ meetingId: NIL_UUID }));
    expect(dataOf(error)).toStrictEqual({
      kind: 'forbidden',
      tool: 'meeting-cancel',
      status: 403,
      permission: 'meeting.modify',
      fields: undefined,
      retryAfterSeconds: undefined,
    });
    expect(error.message).toMatch(/needs the "meeting\.modify" permission/);
    expect(error.message).not.toContain(DEMO_READONLY_KEY);
  });

  it('rejects invalid arguments with the fields as data and sends nothing', async () => {
    const client = createChiliPiperClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url });
    const before = sandbox.requests.length;
    const error = await failure(
      client.meetingListPut({ start: 'yesterday', end: '2026-01-02T00:00:00Z', status: [] }),
    );
    expect(dataOf(error)).toStrictEqual({
      kind: 'invalid-arguments',
      tool: 'meeting-list-put',
      status: undefined,
      permission: undefined,
      fields: ['start', 'status'],
      retryAfterSeconds: undefined,
    });
    expect(sandbox.requests.length).toBe(before);
  });

  it('rejects a 401 without the key in the message', async () => {
    const key = 'not-a-real-key-123456';
    const client = createChiliPiperClient({ apiKey: key, baseUrl: sandbox.url });
    const error = await failure(client.tenantGet());
    expect([error.kind, error.status]).toStrictEqual(['unauthorized', 401]);
    expect(error.message).not.toContain(key);
  });

  it('rejects with kind "aborted" when the call is cancelled', async () => {
    const client = createChiliPiperClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url });
    const error = await failure(client.tenantGet({}, { signal: AbortSignal.abort() }));
    expect(error.kind).toBe('aborted');
  });
});

describe('which methods a client has', () => {
  const readNames = selectTools(catalog, { readOnly: true }).map((t) => t.name);

  it('has one method per catalog tool, in camelCase', () => {
    const client = createChiliPiperClient({ apiKey: 'k-1234' });
    expect(Object.keys(client)).toStrictEqual(selectTools(catalog).map((t) => toMethodName(t.name)));
    expect(toMethodName('meeting-list-put')).toBe('meetingListPut');
    expect(toMethodName('distribution-update-v3')).toBe('distributionUpdateV3');
    for (const name of Object.keys(client)) expect(name).toMatch(/^[a-z][A-Za-z0-9]*$/);
  });

  it('in read-only mode has no write method at all', () => {
    const client = createChiliPiperClient({ apiKey: 'k-1234', readOnly: true });
    expect(Object.keys(client)).toStrictEqual(readNames.map(toMethodName));
    expect('meetingCancel' in client).toBe(false);
    expect(Object.isFrozen(client)).toBe(true);
  });

  it('follows include and exclude', () => {
    const client = createChiliPiperClient({
      apiKey: 'k-1234',
      include: ['meetings'],
      exclude: ['meeting-cancel'],
    });
    const expected = catalog.filter((t) => t.group === 'meetings' && t.name !== 'meeting-cancel');
    expect(Object.keys(client)).toStrictEqual(expected.map((t) => toMethodName(t.name)));
  });
});

describe('bindTools', () => {
  it('binds the enabled tools; run resolves to the executor result, errors included', async () => {
    const bound = bindTools({ apiKey: DEMO_READONLY_KEY, baseUrl: sandbox.url, include: ['meetings'] });
    expect(bound.map((b) => b.tool)).toStrictEqual(catalog.filter((t) => t.group === 'meetings'));
    const cancel = bound.find((b) => b.tool.name === 'meeting-cancel')!;
    const result = await cancel.run({ meetingId: NIL_UUID });
    const direct = await executeTool(
      getTool('meeting-cancel')!,
      { meetingId: NIL_UUID },
      { apiKey: DEMO_READONLY_KEY, baseUrl: sandbox.url },
    );
    expect(result).toStrictEqual(direct);
    expect(result.isError).toBe(true);
  });
});

describe('options', () => {
  const configError = (make: () => unknown) => {
    try {
      make();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      return [(error as ConfigError).field, (error as ConfigError).message];
    }
    throw new Error('expected a ConfigError');
  };

  it('rejects unknown names, a missing key, an empty base URL, a client-wide signal and an empty filter', () => {
    const untyped = createChiliPiperClient as (options: object) => unknown;
    expect(configError(() => untyped({ apiKey: 'k', baseURL: 'http://x' }))[0]).toBe('baseURL');
    expect(configError(() => untyped({}))[0]).toBe('apiKey');
    expect(configError(() => untyped({ apiKey: ' ' }))[0]).toBe('apiKey');
    expect(configError(() => untyped({ apiKey: 'k', baseUrl: '' }))[0]).toBe('baseUrl');
    expect(configError(() => untyped({ apiKey: 'k', baseUrl: 'ftp://x' }))[0]).toBe('baseUrl');
    expect(configError(() => untyped({ apiKey: 'k', signal: AbortSignal.abort() }))[0]).toBe('signal');
    expect(configError(() => untyped({ apiKey: 'k', include: ['nope'] }))[0]).toBe('include');
  });

  it('rejects an unknown call option without sending', async () => {
    const client = createChiliPiperClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url });
    const before = sandbox.requests.length;
    const call = client.tenantGet({}, { timeout: 5 } as object);
    await expect(call).rejects.toBeInstanceOf(ConfigError);
    expect(sandbox.requests.length).toBe(before);
  });
});
