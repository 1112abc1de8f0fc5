import { describe, expect, it } from 'vitest';
import { listingTokens } from '../../../../scripts/lib/token-count.mjs';
import { CATALOG_DECLARATIONS } from '../../src/code-mode/generated-declarations.js';
import { SEARCH_MAX_CHARS, SEARCH_MAX_TOOLS } from '../../src/code-mode/search.js';
import { catalog, ConfigError, createChiliPiperServer, selectTools, toMethodName } from '../../src/index.js';
import { connect, textOf } from './connect.js';

// Listing and search need no upstream: nothing here is sent anywhere.
const base = { apiKey: 'code_mode_test_key_0123456789', baseUrl: 'http://127.0.0.1:9' };

/** The methods a search answer declares, in order. */
const declared = (text: string) => [...text.matchAll(/^ {2}function (\w+)\(/gm)].map((m) => m[1]);

describe('code mode: the two tools', () => {
  it('lists exactly search and execute instead of the catalog, within 2,500 tokens', async () => {
    const server = await connect({ ...base, codeMode: true });
    const { tools } = await server.client.listTools();
    expect(tools.map((t) => t.name)).toStrictEqual(['search', 'execute']);
    const { total } = listingTokens(tools);
    console.info(`[code mode] search + execute listing: ${total} o200k tokens`);
    expect(total).toBeLessThanOrEqual(2_500);
    const execute = tools[1]!;
    expect(execute.description).toContain('cp.meetingListPut(');
    expect(execute.description).toContain('nextCursor');
    expect(execute.inputSchema).toStrictEqual({
      type: 'object',
      properties: { code: { type: 'string', description: 'The body of an async JavaScript function.' } },
      required: ['code'],
    });
    expect(execute.annotations).toStrictEqual({
      readOnlyHint: false,
      destructiveHint: true,
      idempotentHint: false,
      openWorldHint: true,
    });
    await server.close();
  });

  it('marks execute read-only when the server is, and states its limits', async () => {
    const server = await connect({ ...base, readOnly: true, codeMode: { limits: { timeoutMs: 2_000 } } });
    const { tools } = await server.client.listTools();
    expect(tools[1]!.annotations).toMatchObject({ readOnlyHint: true, destructiveHint: false });
    expect(tools[1]!.description).toContain('Per run: 2 s, 100 cp calls, 32 MiB.');
    await server.close();
  });

  it('search answers with the declarations generated at build time, a few at most', async () => {
    const server = await connect({ ...base, codeMode: true });
    const text = textOf(await server.search('count no-shows over last week'));
    const methods = declared(text);
    expect(methods).toContain('meetingListPut');
    expect(methods.length).toBeLessThanOrEqual(SEARCH_MAX_TOOLS);
    expect(text.length).toBeLessThanOrEqual(SEARCH_MAX_CHARS + 500);
    expect(text).toContain(CATALOG_DECLARATIONS['meeting-list-put']!.text);
    expect(text).toMatch(/^\/\/ \d+ of \d+ matching methods\./);
    // By name, the one tool comes first.
    expect(declared(textOf(await server.search('ruleModify')))[0]).toBe('ruleModify');
    expect(declared(textOf(await server.search('concierge-logs')))[0]).toBe('conciergeLogs');
    await server.close();
  });

  it('search finds only enabled tools, and an empty query lists every enabled method', async () => {
    const server = await connect({ ...base, readOnly: true, codeMode: true });
    const text = textOf(await server.search('cancel a meeting'));
    expect(declared(text)).not.toContain('meetingCancel');
    expect(text).not.toContain('meetingCancel');
    const enabled = selectTools(catalog, { readOnly: true });
    const list = textOf(await server.search(' '));
    const listed = [...list.matchAll(/^cp\.(\w+):/gm)].map((m) => m[1]);
    expect(listed).toStrictEqual(enabled.map((t) => toMethodName(t.name)));
    expect(textOf(await server.search('zzzz qqqq'))).toBe(
      'No method matches "zzzz qqqq". Try other words, or an empty query for the list of all methods.',
    );
    await server.close();
  });

  it('names bad arguments and tools that are not the two, running nothing', async () => {
    const server = await connect({ ...base, codeMode: true });
    expect(await server.call('execute', { code: 5 })).toStrictEqual({
      content: [
        {
          type: 'text',
          text: 'Invalid arguments for execute (nothing was run):\n- code: expected a string, got number.',
        },
      ],
      isError: true,
      _meta: { 'chilipiper-mcp/error': { kind: 'invalid-arguments' } },
    });
    expect(textOf(await server.call('search', { query: 'x', limit: 3 }))).toBe(
      'Invalid arguments for search (nothing was run):\n- limit: unknown field (search takes only query).',
    );
    expect(textOf(await server.call('meeting-list-put', {}))).toBe(
      'Tool "meeting-list-put" does not exist: this server is in code mode (tools: search, execute). ' +
        'Call it from execute as cp.meetingListPut(input); search shows its input.',
    );
    await server.close();
  });
});

describe('code mode: the option', () => {
  it.each([
    [{ codeMode: 'yes' }, 'codeMode must be true or { wasmModule?, limits? }, not yes.'],
    [{ codeMode: { fuel: 1 } }, 'codeMode: unknown option "fuel"; known options: wasmModule, limits.'],
    [{ codeMode: { wasmModule: {} } }, 'codeMode.wasmModule must be a compiled WebAssembly.Module.'],
    [
      { codeMode: { limits: { calls: 0 } } },
      'codeMode.limits: Code mode limit "calls" must be a positive whole number, got 0.',
    ],
    [
      { maxResultChars: 10_000, codeMode: { limits: { resultChars: 9_000, logChars: 1_000 } } },
      'codeMode.limits: resultChars (9000) + logChars (1000) must be at most 9700, so an execute result fits maxResultChars (10000).',
    ],
  ])('refuses %j at creation', (options, message) => {
    expect(() => createChiliPiperServer({ ...base, ...(options as object) })).toThrow(
      new ConfigError(message, 'codeMode'),
    );
  });
});
