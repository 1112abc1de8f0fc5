import { ConfigError } from '@chilipiper-mcp/core';
import { createSandbox } from '@chilipiper-mcp/sandbox';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ElicitRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFetchHandler, handlerOptionsFromEnv, type WebHandlerOptions } from '../src/index.js';
import { serverKey, TOKEN } from './helpers.js';

// HTTP servers guard destructive tools by default, by preview and token only: a stateless JSON answer cannot
// carry a question to the person, and any instance serving the same key accepts another's token.

type Sandbox = Awaited<ReturnType<typeof createSandbox>>;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
let sandbox: Sandbox;
let meetingId: string;

/** A client that declares form elicitation (and would accept every question) talking to a fresh handler. */
async function clientOf(extra: Partial<WebHandlerOptions> = {}) {
  const handler = createFetchHandler(serverKey(sandbox, extra));
  const transport = new StreamableHTTPClientTransport(new URL('http://127.0.0.1/mcp'), {
    fetch: (url, init) => handler(new Request(url, init)),
    requestInit: { headers: { Authorization: `Bearer ${TOKEN}` } },
  });
  const client = new Client({ name: 'test', version: '0' }, { capabilities: { elicitation: { form: {} } } });
  let asked = 0;
  client.setRequestHandler(
    ElicitRequestSchema,
    () => (asked++, { action: 'accept', content: { confirm: true } }),
  );
  await client.connect(transport);
  const call = async (name: string, args: Json) =>
    (await client.callTool({ name, arguments: args })) as { isError?: boolean; structuredContent?: Json };
  return { client, call, asked: () => asked };
}

const cancels = () => sandbox.requests.filter((r) => r.operation === 'meeting-cancel-post').length;

beforeAll(async () => {
  sandbox = await createSandbox({ now: new Date('2026-03-10T12:00:00Z') });
  const { call } = await clientOf();
  const list = await call('meeting-list-put', {
    start: '2026-03-11T00:00:00Z',
    end: '2026-03-12T00:00:00Z',
    status: ['Active'],
  });
  meetingId = list.structuredContent!['results'][0].meetingId;
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

describe('confirmation over the HTTP handler', () => {
  it('previews destructive tools by default, never asks by elicitation, and says so in the instructions', async () => {
    const { client, call, asked } = await clientOf();
    expect(client.getInstructions()).toContain('Confirmation is on: destructive tools');
    const { tools } = await client.listTools();
    expect(tools.find((t) => t.name === 'meeting-cancel')?.inputSchema.properties?.['confirm']).toBeDefined();
    const preview = await call('meeting-cancel', { meetingId });
    expect(preview.structuredContent?.['status']).toBe('confirmation-required');
    expect(asked()).toBe(0);
    expect(cancels()).toBe(0);
  });

  it('accepts the token on another stateless instance serving the same key, and acts once', async () => {
    const preview = await (await clientOf()).call('meeting-cancel', { meetingId });
    const token = preview.structuredContent!['confirmationToken'] as string;
    const done = await (await clientOf()).call('meeting-cancel', { meetingId, confirm: token });
    expect(done.isError).toBeFalsy();
    expect(done.structuredContent?.['meetingStatus']).toBe('CANCELLED');
    expect(cancels()).toBe(1);
  });

  it('acts at once with confirm: "none"', async () => {
    const { call } = await clientOf({ confirm: 'none' });
    expect((await call('meeting-cancel', { meetingId })).isError).toBeFalsy();
    expect(cancels()).toBe(1);
  });

  it('refuses a bad policy when the handler is created', () => {
    const bad = { ...serverKey(sandbox), confirm: 'everything' } as unknown as WebHandlerOptions;
    expect(() => createFetchHandler(bad)).toThrow(ConfigError);
    expect(() => createFetchHandler(bad)).toThrow(/confirm: expected "destructive" or "none"/);
  });

  it('reads CHILI_PIPER_CONFIRM in handlerOptionsFromEnv, naming it on a bad value', () => {
    const env = { CHILI_PIPER_API_KEY: 'k', MCP_HTTP_TOKENS: TOKEN };
    expect(handlerOptionsFromEnv(env).confirm).toBeUndefined();
    expect(handlerOptionsFromEnv({ ...env, CHILI_PIPER_CONFIRM: 'none' }).confirm).toBe('none');
    expect(() => handlerOptionsFromEnv({ ...env, CHILI_PIPER_CONFIRM: 'off' })).toThrow(
      'CHILI_PIPER_CONFIRM: expected "destructive" or "none", got "off".',
    );
  });
});
