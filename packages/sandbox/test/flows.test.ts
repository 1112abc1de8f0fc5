import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../src/index.js';
import { call, start } from './helpers.js';

let now = Date.parse('2026-03-10T12:00:00Z');
let sb: Sandbox;
beforeAll(async () => {
  sb = await start({ now: () => new Date(now), sessionTtlMs: 60_000 });
});
beforeEach(() => {
  now = Date.parse('2026-03-10T12:00:00Z');
  sb.reset();
});
afterAll(() => sb.close());

const interval = { startsAt: '2026-03-11T00:00:00Z', duration: '3 days' };
const meetingsOn = async (start: string) =>
  (
    await call(sb, 'PUT', '/v2/org/meetings/meetings', {
      start,
      end: new Date(Date.parse(start) + 86_400_000).toISOString(),
      pageSize: 1000,
    })
  ).json.data.list;

describe('scheduling links', () => {
  it('lists every kind of link', async () => {
    for (const kind of ['round-robin', 'admin-one-on-one', 'group', 'ownership']) {
      const r = await call(sb, 'POST', `/v1/org/schedulingLinks/list-${kind}`, {});
      expect(r.status).toBe(200);
      expect(r.json.links.length).toBeGreaterThan(0);
      expect(r.json.links[0].bookingUrl).toMatch(/^https:\/\/acme\.chilipiper\.sandbox\.invalid\//);
    }
    const user = (await call(sb, 'GET', '/v1/org/user/find?query=alice')).json.results[0];
    const v2 = await call(sb, 'GET', `/v1/org/schedulingLinks/list-personal-v2/${user.id}`);
    expect(v2.json.links.length).toBe(2);
    const v1 = await call(sb, 'GET', `/v1/org/schedulingLinks/list-personal/${user.id}`);
    expect(v1.json).toEqual(v2.json.links);
    const rr = (await call(sb, 'POST', '/v1/org/schedulingLinks/list-round-robin', {})).json.links[0];
    const filtered = await call(sb, 'POST', '/v1/org/schedulingLinks/list-round-robin', {
      filterLinkSlugs: [rr.slug],
    });
    expect(filtered.json.links.map((l: { linkId: string }) => l.linkId)).toEqual([rr.linkId]);
  });

  it('init → schedule books a meeting that meeting-list-put then shows; the session is single-use', async () => {
    const init = await call(sb, 'POST', '/v1/org/schedulingLinks/init-simple', {
      link: { slug: 'sales-inbound-round-robin' },
      guestEmail: 'buyer@prospect.example',
      interval,
    });
    expect(init.status).toBe(200);
    expect(init.json.routeId).toBeTruthy();
    expect(init.json.startTimes.length).toBeGreaterThan(5);
    const slot = init.json.startTimes[3];
    const host = slot.attendees[0].userId;
    const booked = await call(
      sb,
      'POST',
      `/v1/org/schedulingLinks/routing/${init.json.routeId}/schedule-simple`,
      { startTime: slot.startTime, formData: { PersonFirstName: 'Bea' } },
    );
    expect(booked.json).toEqual({ type: 'Success', meetingId: expect.any(String) });
    const day = slot.startTime.slice(0, 10) + 'T00:00:00Z';
    const shown = (await meetingsOn(day)).find(
      (m: { meetingId: string }) => m.meetingId === booked.json.meetingId,
    );
    expect(shown).toMatchObject({
      meetingStatus: 'Active',
      hostId: host,
      primaryGuest: { value: 'buyer@prospect.example' },
      dateTime: { start: slot.startTime },
    });
    const reuse = await call(
      sb,
      'POST',
      `/v1/org/schedulingLinks/routing/${init.json.routeId}/schedule-simple`,
      { startTime: init.json.startTimes[4].startTime },
    );
    expect(reuse.status).toBe(404);
    expect(reuse.json.errorCode).toBe('SessionNotFound');
    const again = await call(sb, 'POST', '/v1/org/schedulingLinks/init-simple', {
      link: { slug: 'sales-inbound-round-robin' },
      guestEmail: 'other@prospect.example',
      interval,
    });
    const offered = again.json.startTimes.filter(
      (s: { startTime: string; attendees: { userId: string }[] }) =>
        s.startTime === slot.startTime && s.attendees[0]!.userId === host,
    );
    expect(offered).toHaveLength(0);
  });

  it('a slot that was not offered fails with {type:"Failure"} and consumes the session', async () => {
    const init = await call(sb, 'POST', '/v1/org/schedulingLinks/init-simple', {
      link: { slug: 'sales-inbound-round-robin' },
      guestEmail: 'a@b.example',
      interval,
    });
    const r = await call(sb, 'POST', `/v1/org/schedulingLinks/routing/${init.json.routeId}/schedule-simple`, {
      startTime: '2026-03-11T03:07:00Z',
    });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ type: 'Failure', reason: 'SlotNotAvailable' });
    const retry = await call(
      sb,
      'POST',
      `/v1/org/schedulingLinks/routing/${init.json.routeId}/schedule-simple`,
      { startTime: init.json.startTimes[0].startTime },
    );
    expect(retry.status).toBe(404);
  });

  it('sessions expire after sessionTtlMs', async () => {
    const init = await call(sb, 'POST', '/v1/org/schedulingLinks/init-simple', {
      link: { slug: 'sales-inbound-round-robin' },
      guestEmail: 'a@b.example',
      interval,
    });
    now += 60_001;
    const r = await call(sb, 'POST', `/v1/org/schedulingLinks/routing/${init.json.routeId}/schedule-simple`, {
      startTime: init.json.startTimes[0].startTime,
    });
    expect(r.status).toBe(404);
  });

  it('a request can shorten its session with timeoutInMS', async () => {
    const init = await call(sb, 'POST', '/v1/org/schedulingLinks/init-simple', {
      link: { slug: 'sales-inbound-round-robin' },
      guestEmail: 'a@b.example',
      interval,
      timeoutInMS: 5000,
    });
    expect(Date.parse(init.json.expiresAt)).toBe(now + 5000);
    now += 5001;
    const r = await call(sb, 'POST', `/v1/org/schedulingLinks/routing/${init.json.routeId}/schedule-simple`, {
      startTime: init.json.startTimes[0].startTime,
    });
    expect(r.status).toBe(404);
  });

  it('ownership links require guestEmail; unknown links are SchedulingLinkNotFound', async () => {
    const r = await call(sb, 'POST', '/v1/org/schedulingLinks/init-simple', {
      link: { slug: 'account-owner' },
    });
    expect(r.status).toBe(400);
    expect(r.text).toBe('Invalid value for: body (guestEmail: required for ownership links)');
    const ok = await call(sb, 'POST', '/v1/org/schedulingLinks/init-simple', {
      link: { slug: 'account-owner' },
      guestEmail: 'x@y.example',
    });
    expect(ok.status).toBe(200);
    const missing = await call(sb, 'POST', '/v1/org/schedulingLinks/init-simple', {
      link: { slug: 'no-such-link' },
    });
    expect(missing.status).toBe(404);
    expect(missing.json.errorCode).toBe('SchedulingLinkNotFound');
  });

  it('group links offer only times when every member is free', async () => {
    const group = (await call(sb, 'POST', '/v1/org/schedulingLinks/list-group', {})).json.links[0];
    const init = await call(sb, 'POST', '/v1/org/schedulingLinks/init-simple', {
      link: { linkId: group.linkId },
      guestEmail: 'g@h.example',
      interval,
    });
    const members = sb.tenant('acme').links.get(group.linkId)!.userIds;
    for (const s of init.json.startTimes)
      expect(s.attendees.map((a: { userId: string }) => a.userId)).toEqual(members);
  });
});

describe('availability', () => {
  it('slots-v2 skips a user’s existing meetings and working-hour gaps', async () => {
    const t = sb.tenant('acme');
    const m = t.meetings
      .range(Date.parse('2026-03-11T00:00:00Z'), Date.parse('2026-03-12T00:00:00Z'))
      .find((x) => x.status === 'Active')!;
    const r = await call(sb, 'PUT', '/v1/org/availability/slots-v2', {
      attendees: [{ type: 'ManuallyAssigned', userId: m.hostId, required: true }],
      interval: { startsAt: '2026-03-11T00:00:00Z', duration: '1 day' },
      meetingTypeOverride: { meetingDurationOverride: '30 minutes' },
    });
    const starts = r.json.results.map((s: { startTime: string }) => Date.parse(s.startTime));
    expect(starts.length).toBeGreaterThan(0);
    for (const s of starts) expect(s + 30 * 60_000 <= m.start || s >= m.end).toBe(true);
    const wh = t.users.get(m.hostId)!.workingHours;
    for (const s of starts) expect(new Date(s).getUTCHours()).toBeGreaterThanOrEqual(wh.startHour);
    expect(r.json).toMatchObject({ page: 0, pageSize: 100, total: starts.length });
  });

  it('slots-v2 honours expectedHost AssigneeFromDistribution plus a required additional attendee', async () => {
    const t = sb.tenant('acme');
    const d = [...t.distributions.values()].find((x) => x.assignmentTypeConfig.type === 'Meeting')!;
    const extra = [...t.users.values()].find((u) => !t.teams.get(d.teamId)!.members.includes(u.id))!;
    const r = await call(sb, 'PUT', '/v1/org/availability/slots-v2', {
      expectedHost: { type: 'AssigneeFromDistribution', distributionId: d.id },
      attendees: [{ type: 'AdditionalAttendee', userId: extra.id, required: true }],
      interval,
    });
    expect(r.status).toBe(200);
    expect(r.json.total).toBeGreaterThan(0);
    for (const slot of r.json.results) {
      expect(slot.attendees[0]).toMatchObject({ type: 'FlexibleRoundRobinAssignee', distributionId: d.id });
      expect(slot.attendees[1]).toEqual({ type: 'ManuallyAssigned', userId: extra.id, required: true });
    }
    const bad = await call(sb, 'PUT', '/v1/org/availability/slots-v2', {
      expectedHost: { type: 'Nobody' },
      attendees: [{ type: 'AdditionalAttendee', userId: extra.id, required: true }],
      interval,
    });
    expect(bad.status).toBe(400);
  });

  it('v1 availability-slots returns startTimes and failures', async () => {
    const d = [...sb.tenant('acme').distributions.values()].find(
      (x) => x.assignmentTypeConfig.type === 'Meeting',
    )!;
    const mt = [...sb.tenant('acme').meetingTypes.values()][0]!;
    const r = await call(sb, 'POST', '/v1/org/availability/slots', {
      attendees: [{ type: 'DistributionAssignee', distributionId: d.id, required: true }],
      interval,
      meetingTypeRef: { id: mt.id, timestamp: '2026-03-10T00:00:00Z' },
    });
    expect(r.json.startTimes.length).toBeGreaterThan(0);
    expect(r.json.failures).toEqual({});
    const noRequired = await call(sb, 'POST', '/v1/org/availability/slots', {
      attendees: [{ type: 'ManuallyAssigned', userId: 'x' }],
      interval,
      meetingTypeRef: { id: mt.id, timestamp: '2026-03-10T00:00:00Z' },
    });
    expect(noRequired.status).toBe(400);
  });
});

describe('handoff', () => {
  it('init → schedule books via the chosen router path', async () => {
    const ws = (await call(sb, 'GET', '/v1/org/workspace')).json.results[0];
    const booker = (await call(sb, 'GET', '/v1/org/user/find?query=alice')).json.results[0];
    const init = await call(
      sb,
      'POST',
      `/v1/org/handoff/workspace/${ws.id}/booker/${booker.id}/init-simple`,
      { type: 'GuestEmailRequest', guestEmail: 'lead@handoff.example', interval },
    );
    expect(init.status).toBe(200);
    const router = init.json.routers[0];
    const path = router.pathResults[0];
    expect(path.startTimes.length).toBeGreaterThan(0);
    const url = `/v1/org/handoff/routing/${init.json.routingId}/router/${router.routerId}/path/${path.pathId}/booker/${booker.id}/schedule-simple`;
    const r = await call(sb, 'POST', url, { startTime: path.startTimes[0].startTime });
    expect(r.json.scheduleMeetingResult).toEqual({ type: 'Success', meetingId: expect.any(String) });
    const m = sb.tenant('acme').meetings.byId.get(r.json.scheduleMeetingResult.meetingId)!;
    expect(m).toMatchObject({
      guestEmail: 'lead@handoff.example',
      bookerId: booker.id,
      scheduleOrigin: 'Handoff',
    });
    expect((await call(sb, 'POST', url, { startTime: path.startTimes[1].startTime })).status).toBe(404);
    const again = await call(
      sb,
      'POST',
      `/v1/org/handoff/workspace/${ws.id}/booker/${booker.id}/init-simple`,
      { type: 'GuestEmailRequest', guestEmail: 'lead2@handoff.example', interval },
    );
    const other = [...sb.tenant('acme').users.keys()].find((id) => id !== booker.id)!;
    const p2 = again.json.routers[0].pathResults[0];
    const wrongBooker = await call(
      sb,
      'POST',
      `/v1/org/handoff/routing/${again.json.routingId}/router/${again.json.routers[0].routerId}/path/${p2.pathId}/booker/${other}/schedule-simple`,
      { startTime: p2.startTimes[0].startTime },
    );
    expect(wrongBooker.status).toBe(404);
  });

  it('CrmRequest init works; an unknown workspace is 404', async () => {
    const ws = (await call(sb, 'GET', '/v1/org/workspace')).json.results[0];
    const booker = (await call(sb, 'GET', '/v1/org/user/find?query=alice')).json.results[0];
    const r = await call(sb, 'POST', `/v1/org/handoff/workspace/${ws.id}/booker/${booker.id}/init-simple`, {
      type: 'CrmRequest',
      id: { type: 'LeadId', value: '00Q5e00000AbCdE' },
      interval,
    });
    expect(r.status).toBe(200);
    expect(r.json.guestEmail).toContain('00q5e00000abcde');
    expect(
      (
        await call(sb, 'POST', `/v1/org/handoff/workspace/nope/booker/${booker.id}/init-simple`, {
          type: 'CrmRequest',
          id: { type: 'LeadId', value: 'x' },
          interval,
        })
      ).status,
    ).toBe(404);
  });
});

describe('concierge', () => {
  it('lists routers with slugs and workspaceId', async () => {
    const r = await call(sb, 'POST', '/v1/org/concierge/routers/concierge/list');
    expect(r.json.routers.map((x: { router: { slug: string } }) => x.router.slug)).toEqual([
      'inbound-demo',
      'enterprise',
      'partners',
    ]);
    const ws = r.json.routers[0].workspaceId;
    const filtered = await call(sb, 'POST', `/v1/org/concierge/routers/concierge/list?workspaceId=${ws}`);
    expect(filtered.json.routers.every((x: { workspaceId: string }) => x.workspaceId === ws)).toBe(true);
  });

  it('without interval returns a routingLink and no session', async () => {
    const r = await call(sb, 'POST', '/v1/org/concierge/routers/inbound-demo/rest', {
      form: { PersonEmail: 'lead@corp.example' },
    });
    expect(r.json.routingLink).toMatch(/inbound-demo/);
    expect(r.json.routingId).toBeUndefined();
  });

  it('route with interval → schedule; the booking shows in logs and meetings', async () => {
    const r = await call(sb, 'POST', '/v1/org/concierge/routers/rest', {
      form: [{ name: 'PersonEmail', value: 'vip@corp.example' }],
      options: { router: 'enterprise' },
      interval,
    });
    expect(r.status).toBe(200);
    const slot = r.json.startTimes[0];
    const booked = await call(sb, 'POST', `/v1/org/concierge/routing/${r.json.routingId}/schedule-simple`, {
      startTime: slot.startTime,
      guestTimezone: 'Europe/Paris',
    });
    expect(booked.json).toEqual({ type: 'Success', meetingId: expect.any(String) });
    const router = [...sb.tenant('acme').conciergeRouters.values()].find((x) => x.slug === 'enterprise')!;
    const logs = await call(
      sb,
      'POST',
      `/v1/org/concierge/logs?workspaceId=${router.workspaceId}&routerId=${router.id}&start=2026-03-01T00:00:00Z&end=2026-03-11T00:00:00Z&pageSize=500`,
    );
    expect(
      logs.json.results.some(
        (l: { meetingId?: string; status: string }) =>
          l.meetingId === booked.json.meetingId && l.status === 'Scheduled',
      ),
    ).toBe(true);
    const again = await call(sb, 'POST', `/v1/org/concierge/routing/${r.json.routingId}/schedule-simple`, {
      startTime: slot.startTime,
    });
    expect(again.status).toBe(404);
  });

  it('a router that does not accept routing is 422; an unknown slug is 404; a form without email is 400', async () => {
    expect(
      (
        await call(sb, 'POST', '/v1/org/concierge/routers/partners/rest', {
          form: { PersonEmail: 'a@b.example' },
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await call(sb, 'POST', '/v1/org/concierge/routers/nope/rest', {
          form: { PersonEmail: 'a@b.example' },
        })
      ).status,
    ).toBe(404);
    const noEmail = await call(sb, 'POST', '/v1/org/concierge/routers/inbound-demo/rest', {
      form: { PersonFirstName: 'X' },
    });
    expect(noEmail.status).toBe(400);
  });

  it('a form matching the router rule takes the rule path (its rep), otherwise the catch-all distribution', async () => {
    const router = [...sb.tenant('acme').conciergeRouters.values()].find((x) => x.slug === 'inbound-demo')!;
    expect(sb.tenant('acme').rules.get(router.ruleId!)!.name).toBe('Enterprise accounts');
    const big = await call(sb, 'POST', '/v1/org/concierge/routers/inbound-demo/rest', {
      form: { PersonEmail: 'cto@bigco.example', CompanyEmployees: '5000' },
      interval,
    });
    expect(big.json.matchedRoute).toEqual({ type: 'RuleRoute', ruleId: router.ruleId });
    expect(big.json.startTimes.length).toBeGreaterThan(0);
    for (const s of big.json.startTimes) expect(s.attendees[0].userId).toBe(router.ruleUserId);
    const booked = await call(sb, 'POST', `/v1/org/concierge/routing/${big.json.routingId}/schedule-simple`, {
      startTime: big.json.startTimes[0].startTime,
    });
    expect(sb.tenant('acme').meetings.byId.get(booked.json.meetingId)!.hostId).toBe(router.ruleUserId);
    const small = await call(sb, 'POST', '/v1/org/concierge/routers/inbound-demo/rest', {
      form: { PersonEmail: 'founder@tiny.example', CompanyEmployees: '12' },
    });
    expect(small.json.matchedRoute).toEqual({ type: 'CatchAllRoute' });
    expect(small.json.distributionIds).toEqual([router.distributionId]);
  });

  it('concierge-route falls back to the first router accepting routing', async () => {
    const r = await call(sb, 'POST', '/v1/org/concierge/routers/rest', {
      form: { PersonEmail: 'a@b.example' },
    });
    expect(r.json.routingLink).toMatch(/\/router\/inbound-demo\?/);
  });

  it('concierge-logs requires its query parameters', async () => {
    const r = await call(sb, 'POST', '/v1/org/concierge/logs?workspaceId=x');
    expect(r.status).toBe(400);
    expect(r.text).toBe('Invalid value for: query parameter routerId');
  });
});

describe('distro', () => {
  it('lists routers (one with a Scheduled trigger) and runs its resource scheduler', async () => {
    const r = await call(sb, 'POST', '/v1/org/distro/routers/list', {});
    const scheduled = r.json.routers.find(
      (x: { trigger: { eventTypes: { type: string }[] } }) => x.trigger.eventTypes[0]!.type === 'Scheduled',
    );
    const schedulerId = scheduled.trigger.eventTypes[0].schedulerId;
    const run = await call(sb, 'POST', `/v1/org/resource-scheduler/${schedulerId}/run`);
    expect(run.json).toMatchObject({
      resourceSchedulerId: schedulerId,
      routerId: scheduled.id,
      status: 'Started',
    });
    expect(sb.tenant('acme').schedulerRuns.get(schedulerId)).toHaveLength(1);
    expect((await call(sb, 'POST', '/v1/org/resource-scheduler/unknown/run')).status).toBe(404);
  });
});
