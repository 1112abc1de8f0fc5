import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { describe, expect, it } from 'vitest';
import {
  catalog,
  ConfigError,
  createChiliPiperServer,
  type ChiliPiperServerOptions,
} from '../../src/index.js';

// The `confirm` input is listed on guarded tools only, and only with the policy on; the tool list stays within
// its token budgets (10,000 o200k tokens for the default tools, 4,000 read-only) either way.

async function listed(options: Partial<ChiliPiperServerOptions>) {
  const server = createChiliPiperServer({ apiKey: 'k', baseUrl: 'http://127.0.0.1:9', ...options });
  const [a, b] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'test', version: '0' });
  await Promise.all([server.connect(a), client.connect(b)]);
  const { tools } = await client.listTools();
  await client.close();
  return tools;
}

/** The project's tools/list measure (scripts/lib/token-count.mjs): name + description + input schema. */
const tokens = (tools: Awaited<ReturnType<typeof listed>>) =>
  tools.reduce(
    (sum, t) => sum + countTokens(t.name + (t.description ?? '') + JSON.stringify(t.inputSchema)),
    0,
  );

describe('listing with a confirmation policy', () => {
  it('adds an optional confirm input to the destructive tools only', async () => {
    const tools = await listed({ confirm: 'destructive' });
    const withConfirm = tools.filter((t) => t.inputSchema.properties?.['confirm']).map((t) => t.name);
    const destructive = catalog.filter((t) => t.safety.kind === 'destructive' && !t.optIn).map((t) => t.name);
    expect(withConfirm.sort()).toStrictEqual(destructive.sort());
    const cancel = tools.find((t) => t.name === 'meeting-cancel')!;
    expect(cancel.inputSchema.properties!['confirm']).toStrictEqual({
      type: 'string',
      description: "confirmationToken from this tool's preview. Leave out on the first call.",
    });
    expect(cancel.inputSchema.required).toStrictEqual(['meetingId']);
  });

  it('lists no confirm input with the policy off', async () => {
    const tools = await listed({ confirm: 'none' });
    expect(tools.filter((t) => t.inputSchema.properties?.['confirm'])).toStrictEqual([]);
  });

  it('stays within the token budgets', async () => {
    const off = tokens(await listed({}));
    const on = tokens(await listed({ confirm: 'destructive' }));
    expect(on).toBeGreaterThan(off);
    expect(on).toBeLessThanOrEqual(10_000);
    expect(tokens(await listed({ confirm: 'destructive', readOnly: true }))).toBeLessThanOrEqual(4_000);
  });

  it.each([
    [{ confirm: 'all' }, /confirm: expected "destructive" or "none", got "all"/],
    [
      { confirm: { tools: 'destructive', secret: 'short' } },
      /confirm\.secret must be a string of at least 32/,
    ],
    [
      { confirm: { tools: 'destructive', ttlSeconds: 5 } },
      /confirm\.ttlSeconds must be an integer from 10 to 3600/,
    ],
    [{ confirm: { tools: 'destructive', ttl: 60 } }, /confirm: unknown option "ttl"/],
  ])('refuses a bad policy at creation: %j', (options, message) => {
    const create = () => createChiliPiperServer({ apiKey: 'k', ...(options as object) });
    expect(create).toThrow(ConfigError);
    expect(create).toThrow(message);
  });
});
