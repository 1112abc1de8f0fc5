import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../src/index.js';
import type { ConciergeRouter } from '../src/types.js';
import { call, start } from './helpers.js';

let sb: Sandbox;
beforeAll(async () => {
  sb = await start();
});
afterAll(() => sb.close());

const START = '2026-02-09T12:00:00.000Z';
const END = '2026-03-11T12:00:00.000Z'; // exactly 30 days
const router = (): ConciergeRouter => [...sb.tenant('acme').conciergeRouters.values()][0]!;
const logs = (extra = '', start = START, end = END) =>
  call(
    sb,
    'POST',
    `/v1/org/concierge/logs?workspaceId=${router().workspaceId}&routerId=${router().id}&start=${start}&end=${end}${extra}`,
  );
/** Ids of the router's stored entries in [start, end), oldest first. */
const storedIds = (start = START, end = END): string[] =>
  sb
    .tenant('acme')
    .conciergeLogs.filter(
      (l) =>
        l.routerId === router().id && l.triggeredAt >= Date.parse(start) && l.triggeredAt < Date.parse(end),
    )
    .map((l) => l.id);

describe('concierge-logs response shape', () => {
  it('without page or pageSize: a bare array of every entry in the window (more than one page would hold)', async () => {
    const r = await logs();
    expect(r.status).toBe(200);
    expect(Array.isArray(r.json)).toBe(true);
    const expected = storedIds();
    expect(expected.length).toBeGreaterThan(100);
    expect(r.json.map((l: { id: string }) => l.id)).toStrictEqual(expected);
    expect(Object.keys(r.json[0]).sort()).toEqual(
      expect.arrayContaining([
        'id',
        'status',
        'trigger',
        'assignments',
        'triggeredAt',
        'guestEmail',
        'matchedPath',
      ]),
    );
  });

  it('with page or pageSize: the {results, total, page, pageSize} envelope (default pageSize 100)', async () => {
    const expected = storedIds();
    const byPage = await logs('&page=1');
    expect(Object.keys(byPage.json).sort()).toStrictEqual(['page', 'pageSize', 'results', 'total']);
    expect(byPage.json).toMatchObject({ total: expected.length, page: 1, pageSize: 100 });
    expect(byPage.json.results.map((l: { id: string }) => l.id)).toStrictEqual(expected.slice(100, 200));
    const bySize = await logs('&pageSize=7');
    expect(bySize.json).toMatchObject({ total: expected.length, page: 0, pageSize: 7 });
    expect(bySize.json.results.map((l: { id: string }) => l.id)).toStrictEqual(expected.slice(0, 7));
    const max = await logs('&pageSize=500');
    expect(max.json.results).toHaveLength(Math.min(500, expected.length));
  });

  it('paging values are still validated; the window is still required and at most 30 days', async () => {
    expect((await logs('&pageSize=501')).text).toBe('Invalid value for: query parameter pageSize');
    expect((await logs('&page=-1')).text).toBe('Invalid value for: query parameter page');
    const long = await logs('', START, '2026-03-11T12:00:00.001Z');
    expect(long.status).toBe(400);
    expect(long.text).toBe(
      'Invalid value for: query parameter end (span between start and end must be at most 30 days)',
    );
    const noStart = await call(
      sb,
      'POST',
      `/v1/org/concierge/logs?workspaceId=${router().workspaceId}&routerId=${router().id}&end=${END}`,
    );
    expect(noStart.text).toBe('Invalid value for: query parameter start');
  });

  it('an empty window is an empty array (or an empty page)', async () => {
    const from = '2025-01-01T00:00:00Z';
    const to = '2025-01-02T00:00:00Z';
    expect((await logs('', from, to)).json).toStrictEqual([]);
    expect((await logs('&page=0', from, to)).json).toStrictEqual({
      results: [],
      total: 0,
      page: 0,
      pageSize: 100,
    });
  });
});
