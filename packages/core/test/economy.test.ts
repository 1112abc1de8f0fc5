import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { createSandbox } from '@chilipiper-mcp/sandbox';
import { encode } from 'gpt-tokenizer/encoding/o200k_base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createChiliPiperServer, resultText, type ChiliPiperServerOptions } from '../src/index.js';

// The agent-economy budgets (issue 11), measured the way a client sees them: o200k tokens of each listed tool's
// name + description + JSON inputSchema, and of a result's text content.

type Sandbox = Awaited<ReturnType<typeof createSandbox>>;
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const tokens = (text: string) => encode(text).length;
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString();

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createSandbox();
});
afterAll(async () => sandbox?.close());

async function connect(options: Partial<ChiliPiperServerOptions> = {}): Promise<Client> {
  const server = createChiliPiperServer({ apiKey: sandbox.apiKey, baseUrl: sandbox.url, ...options });
  const [a, b] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'economy', version: '0' });
  await Promise.all([server.connect(b), client.connect(a)]);
  return client;
}

async function listingTokens(client: Client): Promise<{ total: number; schemas: string }> {
  const { tools } = await client.listTools();
  const schemas = tools.map((t) => JSON.stringify(t.inputSchema)).join('\n');
  const total = tools.reduce(
    (sum, t) => sum + tokens(t.name + (t.description ?? '') + JSON.stringify(t.inputSchema)),
    0,
  );
  return { total, schemas };
}

/** Every meeting id of a window, from the Edge API's own pages of 5 (ground truth, no executor involved). */
async function smallPageTruth(body: Json): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 0; ; page++) {
    const res = await fetch(`${sandbox.url}/v2/org/meetings/meetings`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${sandbox.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, page, pageSize: 5 }),
    });
    const data = (await res.json()) as { data: { list: { meetingId: string }[] }; hasMore: string };
    ids.push(...data.data.list.map((m) => m.meetingId));
    if (data.hasMore !== 'Yes') return ids;
  }
}

/** Last Monday 00:00 UTC to this Monday 00:00 UTC. */
function lastWeek(): { start: string; end: string } {
  const now = new Date();
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const monday = midnight - ((now.getUTCDay() + 6) % 7) * DAY;
  return { start: iso(monday - 7 * DAY), end: iso(monday) };
}

describe('tools/list fits', () => {
  it('≤ 10,000 tokens for the default tools and ≤ 4,000 in read-only mode, with no $ref or $defs', async () => {
    const all = await listingTokens(await connect());
    const readOnly = await listingTokens(await connect({ readOnly: true }));
    expect(all.total).toBeLessThanOrEqual(10_000);
    expect(readOnly.total).toBeLessThanOrEqual(4_000);
    expect(all.schemas).not.toMatch(/\$ref|\$defs|definitions/);
  });
});

describe('results sized for a model', () => {
  it('a listed meeting costs ≤ 150 tokens and keeps the ids later tools take', async () => {
    const client = await connect();
    const now = Date.now();
    const result = await client.callTool({
      name: 'meeting-list-put',
      arguments: { start: iso(now - 3 * DAY), end: iso(now + 3 * DAY) },
    });
    const meetings = (result.structuredContent as { results: Json[] }).results;
    expect(meetings.length).toBeGreaterThan(20);
    for (const m of meetings) {
      expect(tokens(JSON.stringify(m))).toBeLessThanOrEqual(150);
      expect(m['meetingId']).toMatch(/^[0-9a-f-]{36}$/);
      expect(m['hostId']).toMatch(/^[0-9a-f]{24}$/);
    }
    expect(meetings.some((m) => typeof m['crmEventId'] === 'string')).toBe(true);
  });
});

describe('paging that never lies', () => {
  it("the default call for last week's no-shows returns every one, with no continuation", async () => {
    const client = await connect();
    const week = lastWeek();
    const truth = await smallPageTruth({ ...week, status: ['NoShow'] });
    expect(truth.length).toBeGreaterThan(20);
    const result = await client.callTool({
      name: 'meeting-list-put',
      arguments: { ...week, status: ['NO_SHOW'] },
    });
    const page = result.structuredContent as { results: Json[]; nextCursor?: string };
    expect(page.results.map((m) => m['meetingId'])).toStrictEqual(truth);
    expect(page.nextCursor).toBeUndefined();
  });

  it('following nextCursor over 30 days of meetings gives every one exactly once, in order', async () => {
    const client = await connect({ maxResultChars: 3_000 });
    const end = Date.now();
    const start = end - 30 * DAY;
    const truth: string[] = [];
    for (let at = start; at < end; at += 7 * DAY) {
      truth.push(...(await smallPageTruth({ start: iso(at), end: iso(Math.min(at + 7 * DAY, end)) })));
    }
    const args = { start: iso(start), end: iso(end), pagination: { pageSize: 37 }, fields: ['meetingId'] };
    const seen: string[] = [];
    let cursor: string | undefined;
    let calls = 0;
    do {
      const result = await client.callTool({
        name: 'meeting-list-put',
        arguments: { ...args, ...(cursor ? { cursor } : {}) },
      });
      expect(result.isError, resultText(result as never)).toBeFalsy();
      const page = result.structuredContent as { results: { meetingId: string }[]; nextCursor?: string };
      seen.push(...page.results.map((m) => m.meetingId));
      cursor = page.nextCursor;
      calls++;
    } while (cursor && calls < 200);
    expect(seen).toStrictEqual(truth);
    expect(calls).toBeGreaterThan(truth.length / 37);
  });
});

describe('long ranges in one call, large outputs by reference', () => {
  it('a 30-day export costs ≤ 5,000 tokens in context and gives every meeting through resources/read', async () => {
    const client = await connect();
    const end = Date.now();
    const start = end - 30 * DAY;
    const result = await client.callTool({
      name: 'meeting-export-v2-put',
      arguments: { start: iso(start), end: iso(end) },
    });
    const content = result.content as (
      { type: 'text'; text: string } | { type: 'resource_link'; uri: string }
    )[];
    const text = content.flatMap((c) => (c.type === 'text' ? [c.text] : [])).join('\n');
    expect(tokens(text)).toBeLessThanOrEqual(5_000);
    const link = content.find((c) => c.type === 'resource_link') as { uri: string } | undefined;
    expect(link?.uri).toMatch(/^chilipiper-mcp:\/\/result\/meeting-export-v2-put\?args=/);
    const read = await client.readResource({ uri: link!.uri });
    const csv = (read.contents[0] as { text: string; mimeType: string }).text;
    expect(read.contents[0]!.mimeType).toBe('text/csv');
    const lines = csv.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('Meeting ID,'))).toHaveLength(1);
    const truth: string[] = [];
    for (let at = start; at < end; at += 7 * DAY) {
      truth.push(...(await smallPageTruth({ start: iso(at), end: iso(Math.min(at + 7 * DAY, end)) })));
    }
    expect(lines.slice(1).map((l) => l.split(',')[0])).toStrictEqual(truth);
    expect(text).toContain(`${truth.length} rows`);
  });

  it('a resource link of a write tool, or of a hidden tool, cannot be read', async () => {
    const client = await connect({ readOnly: true });
    const write = 'chilipiper-mcp://result/meeting-cancel?args=e30';
    await expect(client.readResource({ uri: write })).rejects.toThrow(
      /only result links of enabled read tools/,
    );
  });
});

describe('filters where the API has none', () => {
  it("finds a lead's routing in ≤ 3 calls and ≤ 10,000 tokens, over 92 days", async () => {
    const client = await connect();
    const acme = sandbox.tenant('acme');
    const log = [...acme.conciergeLogs].at(-1)!;
    const email = log.guestEmail.toUpperCase();
    let spent = 0;
    const routers = await client.callTool({ name: 'concierge-list-routers', arguments: {} });
    spent += tokens(resultText(routers as never));
    const router = (routers.structuredContent as { results: Json[] }).results.find(
      (r) => r['router'].id === log.routerId,
    )!;
    const end = Date.now() + DAY;
    const logs = await client.callTool({
      name: 'concierge-logs',
      arguments: {
        workspaceId: router['workspaceId'],
        routerId: router['router'].id,
        start: iso(end - 92 * DAY),
        end: iso(end),
        guestEmail: email,
      },
    });
    spent += tokens(resultText(logs as never));
    const found = (logs.structuredContent as { results: Json[]; nextCursor?: string }).results;
    const truth = [...acme.conciergeLogs].filter(
      (l) => l.routerId === log.routerId && l.guestEmail.toLowerCase() === email.toLowerCase(),
    );
    expect(found.map((l) => l['id']).sort()).toStrictEqual(truth.map((l) => l.id).sort());
    expect(found.every((l) => l['guestEmail'].toLowerCase() === email.toLowerCase())).toBe(true);
    expect(spent).toBeLessThanOrEqual(10_000);
  });

  it('searches every router when routerId is left out: the lead in one call', async () => {
    const client = await connect();
    const acme = sandbox.tenant('acme');
    const log = [...acme.conciergeLogs].at(-1)!;
    const end = Date.now() + DAY;
    const before = sandbox.requests.length;
    const result = await client.callTool({
      name: 'concierge-logs',
      arguments: { start: iso(end - 92 * DAY), end: iso(end), guestEmail: log.guestEmail },
    });
    const found = (result.structuredContent as { results: Json[] }).results;
    const truth = [...acme.conciergeLogs].filter((l) => l.guestEmail === log.guestEmail).map((l) => l.id);
    expect(found.map((l) => l['id']).sort()).toStrictEqual([...truth].sort());
    expect(tokens(resultText(result as never))).toBeLessThanOrEqual(2_000);
    const sent = sandbox.requests.slice(before);
    expect(sent[0]!.operation).toBe('concierge-list-routers');
    const routers = new Set(sent.slice(1).map((r) => r.query['routerId']));
    expect(routers.size).toBe(acme.conciergeRouters.size);
    expect(sent.slice(1).every((r) => r.operation === 'concierge-logs')).toBe(true);
  });

  it('names a fields path that nothing has, instead of an empty silence', async () => {
    const client = await connect();
    const result = await client.callTool({
      name: 'user-find',
      arguments: { query: 'a', fields: ['id', 'licenz'] },
    });
    const page = result.structuredContent as { results: Json[]; note?: string };
    expect(page.results.length).toBeGreaterThan(0);
    expect(page.note).toMatch(/^fields: nothing has "licenz"; the fields are: id, name, email, .*licenses/);
  });

  it("lists one team's distributions, and one user's, filtered by this server", async () => {
    const client = await connect();
    const acme = sandbox.tenant('acme');
    const dist = [...acme.distributions.values()][0]!;
    const byTeam = await client.callTool({
      name: 'distribution-list-put',
      arguments: { teamId: dist.teamId },
    });
    const expected = [...acme.distributions.values()]
      .filter((d) => d.teamId === dist.teamId)
      .map((d) => d.id);
    expect((byTeam.structuredContent as { results: Json[] }).results.map((d) => d['id'])).toStrictEqual(
      expected,
    );
    const user = dist.weights[0]!.userId;
    const byUser = await client.callTool({ name: 'distribution-list-put', arguments: { userId: user } });
    const weighting = [...acme.distributions.values()]
      .filter((d) => d.weights.some((w) => w.userId === user))
      .map((d) => d.id);
    expect((byUser.structuredContent as { results: Json[] }).results.map((d) => d['id'])).toStrictEqual(
      weighting,
    );
  });
});
