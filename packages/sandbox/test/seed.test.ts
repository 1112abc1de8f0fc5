import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Sandbox } from '../src/index.js';
import { inWorkingHours } from '../src/availability.js';
import { call, NOW, start } from './helpers.js';

let sb: Sandbox;
beforeAll(async () => {
  sb = await start();
});
afterAll(() => sb.close());

describe('seeded demo data', () => {
  it('Acme Corp has workspaces, teams, meeting types, links of every kind and routers', () => {
    const t = sb.tenant('acme');
    expect(t.name).toBe('Acme Corp');
    expect([...t.workspaces.values()].map((w) => w.name)).toEqual([
      'Sales',
      'Customer Success',
      'Marketing',
      'Management',
    ]);
    expect(t.teams.size).toBe(8);
    expect(t.meetingTypes.size).toBe(12);
    const kinds = new Set([...t.links.values()].map((l) => l.kind));
    expect([...kinds].sort()).toEqual(['admin-one-on-one', 'group', 'ownership', 'personal', 'round-robin']);
    expect(
      [...t.conciergeRouters.values()].every(
        (r) => /^[-0-9a-z_]+$/.test(r.slug) && t.workspaces.has(r.workspaceId),
      ),
    ).toBe(true);
    expect([...t.distroRouters.values()].some((r) => r.schedulerId)).toBe(true);
    expect(t.conciergeLogs.length).toBeGreaterThan(0);
  });

  it('meetings sit in their host’s working hours, spread over past and future weeks', () => {
    const t = sb.tenant('acme');
    const all = t.meetings.all();
    for (const m of all) expect(inWorkingHours(t.users.get(m.hostId)!, m.start, m.end - m.start)).toBe(true);
    expect(all[0]!.start).toBeLessThan(NOW.getTime() - 20 * 86_400_000);
    expect(all.at(-1)!.start).toBeGreaterThan(NOW.getTime() + 14 * 86_400_000);
    const crm = all.filter((m) => m.crmEventId).map((m) => m.crmEventId);
    expect(new Set(crm).size).toBe(crm.length);
    expect(crm.length / all.length).toBeGreaterThan(0.5);
  });

  it('Globex is a separate, smaller org with its own key', async () => {
    const g = sb.tenant('globex');
    expect(g.users.size).toBe(8);
    expect(g.meetings.size).toBe(300);
    const acmeIds = new Set(sb.tenant('acme').users.keys());
    expect([...g.users.keys()].some((id) => acmeIds.has(id))).toBe(false);
    const routers = await call(sb, 'POST', '/v1/org/concierge/routers/concierge/list', undefined, {
      key: sb.keys.globex,
    });
    expect(routers.json.routers.map((r: { router: { slug: string } }) => r.router.slug)).toEqual([
      'globex-inbound-demo',
      'globex-enterprise',
      'globex-partners',
    ]);
  });
});
