import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Sandbox } from '../src/index.js';
import { call, start } from './helpers.js';

let sb: Sandbox;
beforeAll(async () => {
  sb = await start();
});
beforeEach(() => sb.reset());
afterAll(() => sb.close());

const window = { start: '2026-03-09T00:00:00Z', end: '2026-03-16T00:00:00Z' };
const list = async (extra: Record<string, unknown> = {}) =>
  (await call(sb, 'PUT', '/v2/org/meetings/meetings', { ...window, pageSize: 1000, ...extra })).json.data
    .list;
const future = async () =>
  (await list({ status: ['Active'] })).find(
    (m: { dateTime: { start: string } }) => Date.parse(m.dateTime.start) > Date.parse('2026-03-11T00:00:00Z'),
  );

describe('seeded meetings', () => {
  it('span past and future with every status', async () => {
    const all = sb.tenant('acme').meetings.all();
    expect(all.length).toBe(3000);
    const statuses = new Set((await list()).map((m: { meetingStatus: string }) => m.meetingStatus));
    expect([...statuses].sort()).toEqual(['Active', 'Canceled', 'Completed', 'NoShow']);
    const before = await list({ status: ['Completed'] });
    for (const m of before)
      expect(Date.parse(m.dateTime.end)).toBeLessThanOrEqual(Date.parse('2026-03-10T12:00:00Z'));
  });

  it('filters by status, host, workspace, meeting type and guest', async () => {
    const all = await list();
    const m = all[5];
    const hosts = await list({ hostIds: [m.hostId] });
    expect(hosts.length).toBeGreaterThan(0);
    expect(hosts.every((x: { hostId: string }) => x.hostId === m.hostId)).toBe(true);
    const ws = await list({ workspaceIds: [m.workspaceId], meetingTypeIds: [m.meetingTypeId] });
    expect(
      ws.every(
        (x: { workspaceId: string; meetingTypeId: string }) =>
          x.workspaceId === m.workspaceId && x.meetingTypeId === m.meetingTypeId,
      ),
    ).toBe(true);
    const guest = await list({ guestEmail: m.primaryGuest.value.toUpperCase() });
    expect(guest.map((x: { meetingId: string }) => x.meetingId)).toContain(m.meetingId);
    const noShow = await list({ status: ['NoShow'] });
    expect(noShow.every((x: { meetingStatus: string }) => x.meetingStatus === 'NoShow')).toBe(true);
  });

  it('meeting-get returns {data, hasMore} with id, status, activities', async () => {
    const m = (await list())[0];
    const r = await call(sb, 'GET', `/v1/org/meetings/get/${m.meetingId}`);
    expect(r.json.hasMore).toBe('No');
    expect(r.json.data).toMatchObject({
      id: m.meetingId,
      meetingStatus: m.meetingStatus,
      bookedAt: m.bookedAt,
    });
    expect(r.json.data.activities.find((a: { type: string }) => a.type === 'ScheduledAt').at).toBe(
      m.dateTime.start,
    );
    expect((await call(sb, 'GET', '/v1/org/meetings/get/00000000-0000-4000-8000-000000000000')).status).toBe(
      404,
    );
  });

  it('export returns CSV with a header row including Meeting ID and bookedAt', async () => {
    const r = await call(sb, 'PUT', '/v3/org/meetings/meetings/export', {
      start: '2026-03-09T00:00:00Z',
      end: '2026-03-10T00:00:00Z',
    });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('content-disposition')).toBe(
      'attachment; filename="meetings-export-2026-03-09_2026-03-10.csv"',
    );
    const lines = r.text.trim().split('\r\n');
    const header = lines[0]!.split(',');
    expect(header).toContain('Meeting ID');
    expect(header).toContain('bookedAt');
    const expected = await list({ end: '2026-03-10T00:00:00Z' });
    expect(lines.length - 1).toBe(expected.length);
    expect(lines[1]!.split(',')[0]).toBe(expected[0].meetingId);
  });
});

describe('cancel and no-show', () => {
  it('POST cancel returns the meeting with CANCELLED; lists then show Canceled; cannot be undone (409)', async () => {
    const m = await future();
    const r = await call(sb, 'POST', `/v2/org/meetings/cancel/${m.meetingId}`);
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ meetingId: m.meetingId, meetingStatus: 'CANCELLED' });
    const canceled = await list({ status: ['Canceled'] });
    expect(canceled.map((x: { meetingId: string }) => x.meetingId)).toContain(m.meetingId);
    const again = await call(sb, 'POST', `/v2/org/meetings/cancel/${m.meetingId}`, {});
    expect(again.status).toBe(409);
    expect(again.json).toMatchObject({
      errorCode: 'MeetingStatusConflict',
      arguments: { meetingId: m.meetingId, meetingStatus: 'Canceled' },
    });
    expect((await call(sb, 'POST', `/v2/org/meetings/noshow/${m.meetingId}`)).status).toBe(409);
  });

  it('POST no-show returns NO_SHOW and the list filter uses NoShow', async () => {
    const m = (await list({ status: ['Completed'] }))[0];
    const r = await call(sb, 'POST', `/v2/org/meetings/noshow/${m.meetingId}`, {});
    expect(r.json.meetingStatus).toBe('NO_SHOW');
    expect((await list({ status: ['NoShow'] })).map((x: { meetingId: string }) => x.meetingId)).toContain(
      m.meetingId,
    );
    expect((await call(sb, 'POST', `/v2/org/meetings/noshow/${m.meetingId}`)).status).toBe(409);
  });

  it('deprecated GET cancel answers {type:"Success"} then {type:"Failure"}', async () => {
    const m = await future();
    expect((await call(sb, 'GET', `/v1/org/meetings/cancel/${m.meetingId}`)).json).toEqual({
      type: 'Success',
    });
    expect((await call(sb, 'GET', `/v1/org/meetings/cancel/${m.meetingId}`)).json).toEqual({
      type: 'Failure',
    });
    const ns = (await list({ status: ['Completed'] }))[0];
    expect((await call(sb, 'GET', `/v1/org/meetings/noshow/${ns.meetingId}`)).json).toEqual({
      type: 'Success',
    });
  });

  it('meeting-activity returns a deep link', async () => {
    const m = (await list())[0];
    const r = await call(sb, 'GET', `/v1/org/meetings/activity/${m.meetingId}`);
    expect(r.json.url).toBe(`https://acme.chilipiper.sandbox.invalid/admin/meetings/${m.meetingId}/activity`);
  });

  it('an Active meeting becomes Completed once the clock passes its end', async () => {
    let now = Date.parse('2026-03-10T12:00:00Z');
    const s2 = await start({ now: () => new Date(now) });
    try {
      const m = s2
        .tenant('acme')
        .meetings.range(now, now + 86_400_000)
        .find((x) => x.status === 'Active')!;
      const get = async () => (await call(s2, 'GET', `/v1/org/meetings/get/${m.id}`)).json.data.meetingStatus;
      expect(await get()).toBe('Active');
      now = m.end + 1;
      expect(await get()).toBe('Completed');
    } finally {
      await s2.close();
    }
  });
});

describe('CRM-keyed operations', () => {
  const crmMeeting = () =>
    sb
      .tenant('acme')
      .meetings.all()
      .find((m) => m.crmEventId && m.status === 'Active' && m.start > Date.parse('2026-03-11T00:00:00Z'))!;

  it('crm event ids are Salesforce-like and resolve to their meeting', async () => {
    const m = crmMeeting();
    expect(m.crmEventId).toMatch(/^00U[A-Za-z0-9]{15}$/);
    const r = await call(sb, 'GET', `/v1/org/crm/get/${m.crmEventId}`);
    expect(r.json.data.id).toBe(m.id);
    const missing = await call(sb, 'GET', '/v1/org/crm/get/00U000000000000AAA');
    expect(missing.status).toBe(404);
    expect(missing.json.errorCode).toBe('MeetingNotFound');
    expect((await call(sb, 'GET', `/v1/org/crm/activity/${m.crmEventId}`)).json.meetingId).toBe(m.id);
  });

  it('crm cancel (POST v2) cancels the linked meeting; deprecated GET reports Failure afterwards', async () => {
    const m = crmMeeting();
    const r = await call(sb, 'POST', `/v2/org/crm/cancel/${m.crmEventId}`);
    expect(r.json).toMatchObject({ meetingId: m.id, meetingStatus: 'CANCELLED' });
    expect((await call(sb, 'GET', `/v1/org/meetings/get/${m.id}`)).json.data.meetingStatus).toBe('Canceled');
    expect((await call(sb, 'GET', `/v1/org/crm/cancel/${m.crmEventId}`)).json).toEqual({ type: 'Failure' });
    expect((await call(sb, 'POST', `/v2/org/crm/noshow/${m.crmEventId}`)).status).toBe(409);
  });

  it('crm no-show via the deprecated GET', async () => {
    const m = sb
      .tenant('acme')
      .meetings.all()
      .find((x) => x.crmEventId && x.status === 'Completed')!;
    expect((await call(sb, 'GET', `/v1/org/crm/noshow/${m.crmEventId}`)).json).toEqual({ type: 'Success' });
    expect((await call(sb, 'GET', `/v1/org/meetings/get/${m.id}`)).json.data.meetingStatus).toBe('NoShow');
  });
});
