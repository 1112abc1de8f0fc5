// Tasks that find times and book: a round-robin link (two-phase), a user's free slots, a handoff.
// See index.mjs for the task format.
import { all, DAY, iso, listAll, same, ALL, js } from './harness.mjs';
import { findUser, findWorkspace } from './lookups.mjs';
import * as shape from './shapes.mjs';
import { named, values } from './truth.mjs';

const HALF_HOUR = 30 * 60 * 1000;

/** Verdict on a booking: the sandbox holds an Active meeting with that id, guest and start time. */
function booked(t, answer, guestEmail, hostIds) {
  const m = t.meetings.byId.get(answer.meetingId);
  if (!m) return `no meeting ${answer.meetingId} in the sandbox`;
  const got = { guest: m.guestEmail, start: iso(m.start), status: m.status };
  return all(
    same(got, { guest: guestEmail, start: answer.startTime, status: 'Active' }),
    hostIds.includes(m.hostId) || 'the host is not one of the expected users',
  );
}

export const bookRoundRobin = {
  id: 'book-round-robin',
  title: 'Book jane.roe@initech.example into the Sales Inbound round robin, first free time',
  setup: (t) => {
    const link = values(t.links).find(
      (l) => l.kind === 'round-robin' && l.name === 'Sales Inbound Round Robin',
    );
    return { input: { link: link.name, guestEmail: 'jane.roe@initech.example' }, expected: link.userIds };
  },
  run: async (call, { link, guestEmail }) => {
    const list = await listAll(call, 'scheduling-link-list-round-robin', {}, shape.list);
    const found = list.map(shape.link).find((l) => l.name === link);
    const session = shape.linkSession(
      await call('scheduling-link-init', { link: { slug: found.slug }, guestEmail }),
    );
    const startTime = session.startTimes[0];
    const body = { startTime, guestEmail };
    const result = shape.booking(await call('scheduling-link-schedule', { routeId: session.routeId, body }));
    if (!result.ok) throw new Error(`booking failed: ${result.reason}`);
    return { meetingId: result.meetingId, startTime };
  },
  verify: (answer, hostIds, t) => booked(t, answer, 'jane.roe@initech.example', hostIds),
  code: {
    search: ['book a round robin link'],
    script: ({ link, guestEmail }) => `${ALL}
const found = (await all(cp.schedulingLinkListRoundRobin)).find((l) => l.name === ${js(link)});
const session = await cp.schedulingLinkInit({ link: { slug: found.slug }, guestEmail: ${js(guestEmail)} });
const startTime = session.startTimes[0].startTime;
const result = await cp.schedulingLinkSchedule({
  routeId: session.routeId,
  body: { startTime, guestEmail: ${js(guestEmail)} },
});
if (result.type !== 'Success') throw new Error('booking failed: ' + result.reason);
return { meetingId: result.meetingId, startTime };`,
  },
};

export const availabilityTomorrow = {
  id: 'availability-tomorrow',
  title: 'When is Bruno Haddad free tomorrow for 30 minutes?',
  setup: (t, clock) => {
    const user = named(t.users, 'Bruno Haddad');
    const { days, startHour, endHour } = user.workingHours;
    const weekday = new Date(clock.tomorrow).getUTCDay() || 7;
    const busy = t.meetings
      .range(clock.tomorrow - DAY, clock.tomorrow + DAY)
      .filter((m) => m.status !== 'Canceled' && (m.hostId === user.id || m.assigneeIds.includes(user.id)));
    const free = [];
    for (
      let s = clock.tomorrow + startHour * 2 * HALF_HOUR;
      s + HALF_HOUR <= clock.tomorrow + endHour * 2 * HALF_HOUR;
      s += HALF_HOUR
    ) {
      if (days.includes(weekday) && !busy.some((m) => m.start < s + HALF_HOUR && m.end > s))
        free.push(iso(s));
    }
    return { input: { name: user.name }, expected: free };
  },
  run: async (call, { name }, clock) => {
    const user = await findUser(call, name);
    const args = {
      expectedHost: { type: 'User', userId: user.id },
      attendees: [{ type: 'ManuallyAssigned', userId: user.id, required: true }],
      interval: { startsAt: iso(clock.tomorrow), duration: '1 day' },
      meetingTypeOverride: { meetingDurationOverride: '30 minutes' },
    };
    const slots = await listAll(call, 'availability-slots', args, shape.list);
    return slots.map(shape.slotStart);
  },
  code: {
    search: ['free slots of a user'],
    script: ({ name }, clock) => `${ALL}
const user = (await all(cp.userFind, { query: ${js(name)} })).find((u) => u.name === ${js(name)});
const slots = await all(cp.availabilitySlots, {
  expectedHost: { type: 'User', userId: user.id },
  attendees: [{ type: 'ManuallyAssigned', userId: user.id, required: true }],
  interval: { startsAt: ${js(iso(clock.tomorrow))}, duration: '1 day' },
  meetingTypeOverride: { meetingDurationOverride: '30 minutes' },
});
return slots.map((s) => s.startTime);`,
  },
};

export const handoffBook = {
  id: 'handoff-book',
  title: 'Bruno Haddad hands off lead li.wei@umbrella.example in Customer Success, first slot',
  setup: (t) => {
    const ws = named(t.workspaces, 'Customer Success');
    const paths = values(t.handoffRouters)
      .filter((r) => r.workspaceId === ws.id)
      .flatMap((r) => r.paths);
    const hostIds = paths.flatMap((p) => t.teams.get(t.distributions.get(p.distributionId).teamId).members);
    return {
      input: { booker: 'Bruno Haddad', workspace: ws.name, guestEmail: 'li.wei@umbrella.example' },
      expected: hostIds,
    };
  },
  run: async (call, { booker, workspace, guestEmail }, clock) => {
    const user = await findUser(call, booker);
    const ws = await findWorkspace(call, workspace);
    const interval = { startsAt: iso(clock.tomorrow), duration: '2 days' };
    const body = { type: 'GuestEmailRequest', guestEmail, interval };
    const session = shape.handoffSession(
      await call('handoff-init', { workspaceId: ws.id, userId: user.id, body }),
    );
    const router = session.routers.find((r) => r.paths.some((p) => p.startTimes.length > 0));
    const path = router.paths.find((p) => p.startTimes.length > 0);
    const startTime = path.startTimes[0];
    const ids = {
      routingId: session.routingId,
      routerId: router.routerId,
      pathId: path.pathId,
      userId: user.id,
    };
    const result = shape.handoffBooking(await call('handoff-schedule', { ...ids, body: { startTime } }));
    if (!result.ok) throw new Error('handoff booking failed');
    return { meetingId: result.meetingId, startTime };
  },
  verify: (answer, hostIds, t) => booked(t, answer, 'li.wei@umbrella.example', hostIds),
  code: {
    search: ['handoff a lead'],
    script: ({ booker, workspace, guestEmail }, clock) => `${ALL}
const user = (await all(cp.userFind, { query: ${js(booker)} })).find((u) => u.name === ${js(booker)});
const ws = (await all(cp.workspaceList)).find((w) => w.name === ${js(workspace)});
const session = await cp.handoffInit({
  workspaceId: ws.id,
  userId: user.id,
  body: {
    type: 'GuestEmailRequest',
    guestEmail: ${js(guestEmail)},
    interval: { startsAt: ${js(iso(clock.tomorrow))}, duration: '2 days' },
  },
});
const router = session.routers.find((r) => r.pathResults.some((p) => p.startTimes?.length));
const path = router.pathResults.find((p) => p.startTimes?.length);
const startTime = path.startTimes[0].startTime;
const result = await cp.handoffSchedule({
  routingId: session.routingId,
  routerId: router.routerId,
  pathId: path.pathId,
  userId: user.id,
  body: { startTime },
});
if (result.scheduleMeetingResult?.type !== 'Success') throw new Error('handoff booking failed');
return { meetingId: result.scheduleMeetingResult.meetingId, startTime };`,
  },
};
