import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../src/index.js';
import { call, start } from './helpers.js';

let sb: Sandbox;
beforeAll(async () => {
  sb = await start();
});
afterAll(() => sb.close());

describe('pagination', () => {
  it('GET lists default to page 0, pageSize 10 with the {results,total,page,pageSize} envelope', async () => {
    const r = await call(sb, 'GET', '/v1/org/workspace/users');
    expect(r.status).toBe(200);
    expect(r.json.page).toBe(0);
    expect(r.json.pageSize).toBe(10);
    expect(r.json.results).toHaveLength(10);
    expect(r.json.total).toBe(sb.tenant('acme').users.size);
  });

  it('pages are 0-based and disjoint', async () => {
    const p0 = await call(sb, 'GET', '/v1/org/workspace/users?page=0&pageSize=5');
    const p1 = await call(sb, 'GET', '/v1/org/workspace/users?page=1&pageSize=5');
    const ids0 = p0.json.results.map((u: { id: string }) => u.id);
    const ids1 = p1.json.results.map((u: { id: string }) => u.id);
    expect(ids1.some((id: string) => ids0.includes(id))).toBe(false);
    const last = await call(sb, 'GET', '/v1/org/workspace/users?page=99&pageSize=50');
    expect(last.json.results).toEqual([]);
  });

  it('pageSize above 50 is a 400 text/plain naming the parameter', async () => {
    const r = await call(sb, 'GET', '/v1/org/workspace?pageSize=51');
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(r.text).toBe('Invalid value for: query parameter pageSize');
  });

  it('bad page and pageSize are both named', async () => {
    const r = await call(sb, 'GET', '/v1/org/workspace?page=-1&pageSize=0');
    expect(r.text).toBe(
      'Invalid value for: query parameter page, Invalid value for: query parameter pageSize',
    );
  });

  it('rule-list defaults to pageSize 200', async () => {
    const r = await call(sb, 'GET', '/v1/org/rule/list');
    expect(r.json.pageSize).toBe(200);
    expect(r.json.total).toBeGreaterThan(0);
  });

  it('meeting-list-put uses {data:{list}, hasMore:"Yes"|"No", hasMoreItems}', async () => {
    const body = { start: '2026-03-09T00:00:00Z', end: '2026-03-12T00:00:00Z', pageSize: 40 };
    const seen = new Set<string>();
    let page = 0;
    let r;
    do {
      r = await call(sb, 'PUT', '/v2/org/meetings/meetings', { ...body, page });
      expect(r.status).toBe(200);
      expect(['Yes', 'No']).toContain(r.json.hasMore);
      expect(r.json.hasMoreItems).toBe(r.json.hasMore === 'Yes');
      for (const m of r.json.data.list) seen.add(m.meetingId);
      page++;
    } while (r.json.hasMore === 'Yes');
    const expected = sb.tenant('acme').meetings.range(Date.parse(body.start), Date.parse(body.end)).length;
    expect(expected).toBeGreaterThan(40);
    expect(seen.size).toBe(expected);
  });
});

describe('span limits', () => {
  it('meeting-list-put rejects a span over 7 days', async () => {
    const r = await call(sb, 'PUT', '/v2/org/meetings/meetings', {
      start: '2026-03-01T00:00:00Z',
      end: '2026-03-08T00:00:01Z',
    });
    expect(r.status).toBe(400);
    expect(r.text).toBe('Invalid value for: body (span between start and end must be at most 7 days)');
    const ok = await call(sb, 'PUT', '/v2/org/meetings/meetings', {
      start: '2026-03-01T00:00:00Z',
      end: '2026-03-08T00:00:00Z',
    });
    expect(ok.status).toBe(200);
  });

  it('meeting export rejects a span over 7 days', async () => {
    const r = await call(sb, 'PUT', '/v3/org/meetings/meetings/export', {
      start: '2026-03-01T00:00:00Z',
      end: '2026-03-09T00:00:00Z',
    });
    expect(r.status).toBe(400);
    expect(r.text).toMatch(/at most 7 days/);
  });

  it('concierge-logs rejects a span over 30 days', async () => {
    const router = [...sb.tenant('acme').conciergeRouters.values()][0]!;
    const q = `workspaceId=${router.workspaceId}&routerId=${router.id}&start=2026-01-01T00:00:00Z&end=2026-02-01T00:00:00Z`;
    const r = await call(sb, 'POST', `/v1/org/concierge/logs?${q}`);
    expect(r.status).toBe(400);
    expect(r.text).toBe(
      'Invalid value for: query parameter end (span between start and end must be at most 30 days)',
    );
  });
});

describe('errors and headers', () => {
  it('malformed JSON is a 400 text/plain', async () => {
    const r = await call(sb, 'PUT', '/v2/org/team', undefined, {
      raw: '{"name": ',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(r.status).toBe(400);
    expect(r.text).toBe('Invalid value for: body (malformed JSON)');
  });

  it('a missing required field is a 400 naming the field', async () => {
    const r = await call(sb, 'PUT', '/v2/org/meetings/meetings', { start: '2026-03-09T00:00:00Z' });
    expect(r.status).toBe(400);
    expect(r.text).toBe('Invalid value for: body (end: missing required field)');
  });

  it('a bad enum value is a 400', async () => {
    const r = await call(sb, 'PUT', '/v2/org/meetings/meetings', {
      start: '2026-03-09T00:00:00Z',
      end: '2026-03-10T00:00:00Z',
      status: ['Cancelled'],
    });
    expect(r.status).toBe(400);
    expect(r.text).toMatch(/^Invalid value for: body \(status\.0: /);
  });

  it('a bad date is a 400', async () => {
    const r = await call(sb, 'PUT', '/v2/org/meetings/meetings', {
      start: 'yesterday',
      end: '2026-03-10T00:00:00Z',
    });
    expect(r.status).toBe(400);
    expect(r.text).toMatch(/^Invalid value for: body \(start: expected an ISO-8601 date-time\)/);
  });

  it('unknown routes are a 404 JSON envelope', async () => {
    const r = await call(sb, 'GET', '/v1/org/does-not-exist');
    expect(r.status).toBe(404);
    expect(r.json).toMatchObject({ errorCode: 'NotFound' });
    const outside = await fetch(sb.url.replace('/api/fire-edge', '/other'));
    expect(outside.status).toBe(404);
  });

  it('every 200 carries the no-cache headers', async () => {
    const r = await call(sb, 'GET', '/v1/org/tenant/get');
    expect(r.headers.get('cache-control')).toMatch(/no-store/);
    expect(r.headers.get('pragma')).toBe('no-cache');
    expect(r.headers.get('expires')).toBe('0');
    expect(r.headers.get('x-robots-tag')).toMatch(/noindex/);
  });

  it('a handler exception becomes a 500 JSON envelope and the server keeps serving', async () => {
    const s2 = await start();
    try {
      (s2.tenant('acme') as unknown as { users: unknown }).users = undefined;
      const r = await call(s2, 'GET', '/v1/org/user/find?query=a');
      expect(r.status).toBe(500);
      expect(r.json.errorCode).toBe('InternalServerError');
      expect((await call(s2, 'GET', '/v1/org/health/ping')).status).toBe(200);
    } finally {
      await s2.close();
    }
  });

  it('durations accept FiniteDuration and ISO-8601 forms', async () => {
    const users = await call(sb, 'GET', '/v1/org/workspace/users?pageSize=1');
    const userId = users.json.results[0].id;
    const slots = async (duration: string) =>
      call(sb, 'PUT', '/v1/org/availability/slots-v2', {
        attendees: [{ type: 'ManuallyAssigned', userId, required: true }],
        interval: { startsAt: '2026-03-11T00:00:00Z', duration },
        pageSize: 500,
      });
    const a = await slots('2 days');
    const b = await slots('P2D');
    const c = await slots('48 hours');
    expect(a.json.total).toBeGreaterThan(0);
    expect(b.json.total).toBe(a.json.total);
    expect(c.json.total).toBe(a.json.total);
    const bad = await slots('two days');
    expect(bad.status).toBe(400);
  });
});
