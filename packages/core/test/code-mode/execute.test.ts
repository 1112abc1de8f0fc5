import { createSandbox, type Sandbox } from '@chilipiper-mcp/sandbox';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CP_RESULT_CHARS } from '../../src/code-mode/script-host.js';
import { connect, textOf } from './connect.js';

// A fixed clock, a Wednesday: last week is Monday 16 to Monday 23 November 2026.
const NOW = new Date('2026-11-25T12:00:00.000Z');
const WEEK = { start: '2026-11-16T00:00:00.000Z', end: '2026-11-23T00:00:00.000Z' };

let sandbox: Sandbox;
let options: { apiKey: string; baseUrl: string };
beforeAll(async () => {
  sandbox = await createSandbox({ now: NOW });
  options = { apiKey: sandbox.apiKey, baseUrl: sandbox.url };
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.reset());

describe('code mode: execute against the sandbox', () => {
  it("counts last week's no-shows in one execute, as normal mode and the sandbox state say", async () => {
    const truth = sandbox
      .tenant('acme')
      .meetings.range(Date.parse(WEEK.start), Date.parse(WEEK.end))
      .filter((m) => m.status === 'NoShow').length;
    expect(truth).toBeGreaterThan(0);

    // Normal mode: tools/call page after page, following nextCursor.
    const normal = await connect(options);
    let viaTools = 0;
    let pages = 0;
    let normalChars = 0;
    let cursor: string | undefined;
    do {
      const args = { ...WEEK, status: ['NoShow'], ...(cursor ? { cursor } : {}) };
      const answer = await normal.call('meeting-list-put', args);
      normalChars += textOf(answer).length;
      const page = answer.structuredContent!;
      viaTools += (page['results'] as unknown[]).length;
      cursor = page['nextCursor'] as string | undefined;
      pages++;
    } while (cursor);
    await normal.close();

    const code = `
      let count = 0, calls = 0, cursor;
      do {
        const page = await cp.meetingListPut({ start: '${WEEK.start}', end: '${WEEK.end}', status: ['NoShow'], cursor });
        count += page.results.length;
        calls++;
        cursor = page.nextCursor;
      } while (cursor);
      console.log('calls', calls);
      return { count };`;
    const server = await connect({ ...options, codeMode: true });
    const before = sandbox.requests.length;
    const result = await server.execute(code);
    await server.close();
    expect(result).toStrictEqual({
      content: [{ type: 'text', text: `{"count":${truth}}\n--- console ---\ncalls ${pages}` }],
    });
    expect(viaTools).toBe(truth);
    // The script made as many cp calls as normal mode made tool calls, over the same list requests, but the model
    // reads only the count, not the meetings.
    expect(textOf(result).length * 20).toBeLessThan(normalChars);
    expect(sandbox.requests.slice(before).every((r) => r.operation === 'meeting-list-put')).toBe(true);
  });

  it('resolves cp to what structuredContent holds in normal mode, { text } for text tools', async () => {
    const normal = await connect(options);
    const tenant = (await normal.call('tenant-get', {})).structuredContent;
    const ping = textOf(await normal.call('health-ping', {}));
    const missing = textOf(
      await normal.call('meeting-get', { meetingId: 'ffffffff-ffff-4fff-8fff-ffffffffffff' }),
    );
    await normal.close();
    const server = await connect({ ...options, codeMode: true });
    const code = `
      const tenant = await cp.tenantGet();
      const ping = await cp.healthPing({});
      let missing;
      try { await cp.meetingGet({ meetingId: 'ffffffff-ffff-4fff-8fff-ffffffffffff' }); }
      catch (e) { missing = [e instanceof Error, e.message]; }
      return { tenant, ping, missing };`;
    const result = await server.execute(code);
    await server.close();
    expect(JSON.parse(textOf(result))).toStrictEqual({
      tenant,
      ping: { text: ping },
      missing: [true, missing],
    });
  });

  it('gives cp results whole, not cut to the model budget', async () => {
    const server = await connect({ ...options, maxResultChars: 2_000, codeMode: true });
    const code = `
      const csv = await cp.meetingExportV2Put({ start: '${WEEK.start}', end: '${WEEK.end}' });
      return { chars: csv.text.length, rows: csv.text.trim().split('\\n').length - 1 };`;
    const { chars, rows } = JSON.parse(textOf(await server.execute(code))) as { chars: number; rows: number };
    await server.close();
    const week = sandbox.tenant('acme').meetings.range(Date.parse(WEEK.start), Date.parse(WEEK.end));
    expect(rows).toBe(week.length);
    expect(chars).toBeGreaterThan(2_000);
    expect(chars).toBeLessThan(CP_RESULT_CHARS);
  });

  it('has no fetch, require, process or XMLHttpRequest inside', async () => {
    const server = await connect({ ...options, codeMode: true });
    const names = ['fetch', 'require', 'process', 'XMLHttpRequest', 'setTimeout', 'Deno', 'Bun'];
    const result = await server.execute(`return ${JSON.stringify(names)}.map((n) => typeof globalThis[n]);`);
    expect(JSON.parse(textOf(result))).toStrictEqual(names.map(() => 'undefined'));
    expect(textOf(await server.execute("return await import('node:fs');"))).toBe(
      "The script failed (runtime): ReferenceError: could not load module 'node:fs'",
    );
    await server.close();
  });

  it('stops an endless loop at the time limit, and the server keeps serving', async () => {
    const server = await connect({ ...options, codeMode: { limits: { timeoutMs: 500 } } });
    expect(await server.execute('while (true) {}')).toStrictEqual({
      content: [
        {
          type: 'text',
          text: 'The script failed (timeout): The script ran longer than 500 ms and was stopped.',
        },
      ],
      isError: true,
    });
    expect(
      textOf(await server.execute('const t = await cp.tenantGet(); return t.tenantData.subdomain;')),
    ).toBe('"acme"');
    expect((await server.client.listTools()).tools).toHaveLength(2);
    await server.close();
  });

  it('stops a script over its memory limit or its cp call limit', async () => {
    const server = await connect({
      ...options,
      codeMode: { limits: { memoryBytes: 8 * 1024 * 1024, calls: 2 } },
    });
    const hog = "const kept = []; for (;;) kept.push('x'.repeat(1000) + kept.length);";
    expect(textOf(await server.execute(hog))).toBe(
      'The script failed (memory): The script used more than 8388608 bytes of memory and was stopped. ' +
        'Keep less in memory: count or pick fields as pages arrive.',
    );
    const before = sandbox.requests.length;
    const loop = 'for (let i = 0; i < 5; i++) await cp.healthPing();\nreturn 1;';
    expect(textOf(await server.execute(loop))).toBe(
      'The script failed (call-limit): The script asked for more than 2 cp calls, the limit of one run, and was stopped.',
    );
    expect(sandbox.requests.length - before).toBe(2);
    await server.close();
  });

  it('keeps the return value and the console within maxResultChars', async () => {
    const server = await connect({ ...options, maxResultChars: 1_000, codeMode: true });
    const big = await server.execute("return 'x'.repeat(5000);");
    expect(textOf(big)).toMatch(
      /^The script failed \(output-limit\): The return value is 5002 characters of JSON; the limit is \d+\./,
    );
    const chatty = await server.execute(
      "for (let i = 0; i < 500; i++) console.log('line', i, 'x'.repeat(40));\nreturn 1;",
    );
    expect(chatty.isError).toBeUndefined();
    expect(textOf(chatty).length).toBeLessThanOrEqual(1_000);
    expect(textOf(chatty)).toMatch(/^1\n--- console ---\nline 0 x+\n/);
    await server.close();
  });
});
