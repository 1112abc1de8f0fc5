import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../src/index.js';
import { call, NOW, start } from './helpers.js';

/** The seed carries enough data for the everyday tasks a model is asked to do (checked over HTTP). */
let sb: Sandbox;
beforeAll(async () => {
  sb = await start();
});
afterAll(() => sb.close());

const DAY = 86_400_000;
const acme = () => sb.tenant('acme');
interface Item {
  meetingId: string;
  hostId: string;
  meetingStatus: string;
  scheduleOrigin: string;
  primaryGuest: { value: string };
}

/** Every meeting-list-put item of a window, following hasMore. */
async function meetings(filters: Record<string, unknown>): Promise<Item[]> {
  const all: Item[] = [];
  for (let page = 0; ; page++) {
    const r = await call(sb, 'PUT', '/v2/org/meetings/meetings', { ...filters, page, pageSize: 100 });
    expect(r.status, r.text).toBe(200);
    all.push(...r.json.data.list);
    if (r.json.hasMore !== 'Yes') return all;
  }
}

describe('realistic tasks on the seed', () => {
  it("last week's no-shows in one workspace", async () => {
    const ws = [...acme().workspaces.values()][1]!;
    const week = { start: '2026-03-02T00:00:00Z', end: '2026-03-09T00:00:00Z' };
    const noShows = await meetings({ ...week, workspaceIds: [ws.id], status: ['NoShow'] });
    const stored = acme()
      .meetings.range(Date.parse(week.start), Date.parse(week.end))
      .filter((m) => m.workspaceId === ws.id && m.status === 'NoShow');
    expect(noShows.length).toBeGreaterThan(5);
    expect(noShows.map((m) => m.meetingId)).toStrictEqual(stored.map((m) => m.id));
  });

  it('a 30-day meeting export, in windows of at most 7 days', async () => {
    const end = NOW.getTime();
    let rows = 0;
    for (let s = end - 30 * DAY; s < end; s += 7 * DAY) {
      const window = {
        start: new Date(s).toISOString(),
        end: new Date(Math.min(end, s + 7 * DAY)).toISOString(),
      };
      const r = await call(sb, 'PUT', '/v3/org/meetings/meetings/export', window);
      expect(r.status, r.text).toBe(200);
      rows += r.text.trim().split('\r\n').length - 1;
    }
    expect(rows).toBeGreaterThan(1000);
    expect(rows).toBe(acme().meetings.range(end - 30 * DAY, end).length);
  });

  it("a lead's Concierge routing reason, found by guest email", async () => {
    const week = { start: '2026-03-02T00:00:00Z', end: '2026-03-09T00:00:00Z' };
    const lead = (await meetings(week)).find((m) => m.scheduleOrigin === 'ConciergeRouter')!;
    const routers = (await call(sb, 'POST', '/v1/org/concierge/routers/concierge/list')).json.routers;
    const found = [];
    for (const { router, workspaceId } of routers) {
      const q = `workspaceId=${workspaceId}&routerId=${router.id}&start=2026-02-08T12:00:00Z&end=${NOW.toISOString()}`;
      const logs = (await call(sb, 'POST', `/v1/org/concierge/logs?${q}`)).json;
      found.push(...logs.filter((l: { guestEmail: string }) => l.guestEmail === lead.primaryGuest.value));
    }
    expect(found.map((l) => l.meetingId)).toContain(lead.meetingId);
    const entry = found.find((l) => l.meetingId === lead.meetingId);
    expect(entry.matchedPath.route.type).toMatch(/^(RuleRoute|CatchAllRoute)$/);
    expect(entry.assignments[0].userId).toBe(lead.hostId);
  });

  it("every team's distributions are found through teamRef", async () => {
    const teams = (await call(sb, 'PUT', '/v2/org/team', {})).json.results;
    const dists = (await call(sb, 'PUT', '/v2/org/distribution/list', { pageSize: 1000 })).json.results;
    for (const team of teams)
      expect(
        dists.filter((d: { published: { teamRef: { id: string } } }) => d.published.teamRef.id === team.id),
        team.name,
      ).not.toHaveLength(0);
  });

  it("cancelling one host's meetings tomorrow", async () => {
    const tomorrow = { start: '2026-03-11T00:00:00Z', end: '2026-03-12T00:00:00Z', status: ['Active'] };
    const active = await meetings(tomorrow);
    const host = active[0]!.hostId;
    const theirs = await meetings({ ...tomorrow, hostIds: [host] });
    expect(theirs.length).toBeGreaterThan(1);
    for (const m of theirs)
      expect((await call(sb, 'POST', `/v2/org/meetings/cancel/${m.meetingId}`)).status).toBe(200);
    expect(await meetings({ ...tomorrow, hostIds: [host] })).toStrictEqual([]);
    expect((await meetings(tomorrow)).length).toBe(active.length - theirs.length);
  });
});
