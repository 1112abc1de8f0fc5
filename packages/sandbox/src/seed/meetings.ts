import type { Prng } from '../util/prng.js';
import type { Tenant } from '../store.js';
import type { ConciergeLog, Meeting, MeetingStatus, User } from '../types.js';
import { DAY, HOUR, MINUTE, iso } from '../util/time.js';
import { FIRST_NAMES, GUEST_COMPANIES, LAST_NAMES } from './names.js';

const ORIGINS = ['ConciergeRouter', 'SchedulingLink', 'Handoff', 'ChiliCal'] as const;

/** ISO weekday (1 = Monday .. 7 = Sunday) of a UTC timestamp. */
export function isoWeekday(ms: number): number {
  const d = new Date(ms).getUTCDay();
  return d === 0 ? 7 : d;
}

/** Generates `count` meetings across the past four and next three weeks, in hosts' working hours. */
export function seedMeetings(t: Tenant, rng: Prng, count: number, now: number): void {
  const today = Math.floor(now / DAY) * DAY;
  const from = today - 28 * DAY;
  const days = 49;
  const users = [...t.users.values()];
  const dists = [...t.distributions.values()].filter((d) => d.assignmentTypeConfig.type === 'Meeting');
  const routers = [...t.conciergeRouters.values()];
  const meetings: Meeting[] = [];
  const allTypes = [...t.meetingTypes.values()];
  const typesByWs = new Map<string, typeof allTypes>();
  for (const mt of allTypes) typesByWs.set(mt.workspaceId, [...(typesByWs.get(mt.workspaceId) ?? []), mt]);
  const logs: ConciergeLog[] = [];
  for (let i = 0; i < count; i++) {
    const dist = rng.chance(0.7) ? rng.pick(dists) : undefined;
    const team = dist ? t.teams.get(dist.teamId) : undefined;
    const hostId = team && team.members.length > 0 ? rng.pick(team.members) : rng.pick(users).id;
    const host = t.users.get(hostId) as User;
    const wh = host.workingHours;
    let day = from + rng.int(0, days - 1) * DAY;
    while (!wh.days.includes(isoWeekday(day))) day += DAY;
    const wsId = dist?.workspaceId ?? host.workspaces[0] ?? '';
    const mt = rng.pick(typesByWs.get(wsId) ?? allTypes);
    // Half-hour start slots such that the whole meeting fits in the host's working hours.
    const lastSlot = wh.endHour * 2 - Math.ceil(mt.durationMin / 30);
    const start = day + rng.int(wh.startHour * 2, lastSlot) * 30 * MINUTE;
    const end = start + mt.durationMin * MINUTE;
    const bookedAt = Math.min(now - HOUR, start - rng.int(1, 14 * 24) * HOUR);
    let status: MeetingStatus;
    if (end <= now) {
      const p = rng.next();
      status = p < 0.75 ? 'Completed' : p < 0.87 ? 'Canceled' : 'NoShow';
    } else status = rng.chance(0.88) ? 'Active' : 'Canceled';
    const origin = rng.pick(ORIGINS);
    const router = origin === 'ConciergeRouter' ? routers.find((r) => r.workspaceId === wsId) : undefined;
    const first = rng.pick(FIRST_NAMES);
    const last = rng.pick(LAST_NAMES);
    const guestEmail = `${first}.${last}${rng.int(1, 99)}@${rng.pick(GUEST_COMPANIES)}.example`.toLowerCase();
    const history: Meeting['history'] = [{ type: 'Booked', at: iso(bookedAt) }];
    if (status === 'Canceled') history.push({ type: 'Canceled', at: iso(Math.min(now, bookedAt + HOUR)) });
    if (status === 'NoShow') history.push({ type: 'MarkedNoShow', at: iso(end + 15 * MINUTE) });
    const m: Meeting = {
      id: rng.uuid(),
      workspaceId: wsId,
      status,
      start,
      end,
      hostId,
      assigneeIds: [hostId],
      guestEmail,
      guestName: `${first} ${last}`,
      meetingTypeId: mt.id,
      bookedAt,
      scheduleOrigin: origin,
      meetingSource: 'ChiliPiper',
      history,
    };
    if (dist) m.distributionId = dist.id;
    if (router) m.routerId = router.id;
    if (rng.chance(0.6)) m.crmEventId = `00U${rng.alnum(15)}`;
    if (origin === 'ConciergeRouter') m.sourceUrl = `https://www.${t.domains[0] ?? 'example.com'}/demo`;
    meetings.push(m);
    if (router) {
      logs.push({
        id: rng.uuid(),
        routerId: router.id,
        workspaceId: wsId,
        status: status === 'Canceled' ? 'Cancelled' : 'Scheduled',
        trigger: 'ThirdPartyForm',
        triggeredAt: bookedAt,
        guestEmail,
        meetingId: m.id,
        userId: hostId,
        distributionId: router.distributionId,
      });
      if (rng.chance(0.2))
        logs.push({
          id: rng.uuid(),
          routerId: router.id,
          workspaceId: wsId,
          status: 'TimedOut',
          trigger: 'ThirdPartyForm',
          triggeredAt: bookedAt - 3 * HOUR,
          guestEmail: `lead${i}@${rng.pick(GUEST_COMPANIES)}.example`,
          distributionId: router.distributionId,
        });
    }
  }
  t.meetings.load(meetings);
  logs.sort((a, b) => a.triggeredAt - b.triggeredAt);
  t.conciergeLogs.push(...logs);
}
