import type { Ctx } from './http/router.js';
import { busyByUser, isFree } from './availability.js';
import type { Session } from './sessions.js';
import type { Meeting } from './types.js';
import { iso } from './util/time.js';

export type BookingResult = { ok: true; meeting: Meeting } | { ok: false; reason: string };

/**
 * Books `startTime` from a live session: the slot must have been offered and its users still free.
 * The session is consumed either way (single use).
 */
export function bookFromSession(
  ctx: Ctx,
  s: Session,
  startTime: number,
  slotKey: string,
  extra: Partial<Meeting> = {},
): BookingResult {
  ctx.sandbox.sessions.consume(s);
  const users = s.slots.get(slotKey);
  if (!users) return { ok: false, reason: 'SlotNotAvailable' };
  const busy = busyByUser(ctx.tenant, startTime, startTime + s.durationMs);
  if (!users.every((u) => isFree(ctx.tenant, busy, u, startTime, s.durationMs)))
    return { ok: false, reason: 'SlotNoLongerAvailable' };
  const hostId = users[0] as string;
  const meeting: Meeting = {
    id: ctx.sandbox.nextId('uuid'),
    workspaceId: s.workspaceId,
    status: 'Active',
    start: startTime,
    end: startTime + s.durationMs,
    hostId,
    assigneeIds: [...users],
    guestEmail: s.guestEmail ?? 'guest@unknown.example',
    guestName: s.guestName ?? (s.guestEmail ?? 'Guest').split('@')[0] ?? 'Guest',
    meetingTypeId: s.meetingTypeId,
    bookedAt: ctx.now,
    scheduleOrigin: s.scheduleOrigin,
    meetingSource: 'ChiliPiper',
    history: [{ type: 'Booked', at: iso(ctx.now), by: `apikey/${ctx.key.id}` }],
    ...(s.bookerId ? { bookerId: s.bookerId } : {}),
    ...(s.distributionId ? { distributionId: s.distributionId } : {}),
    ...(s.routerId ? { routerId: s.routerId } : {}),
    ...extra,
  };
  ctx.tenant.meetings.add(meeting);
  if (s.distributionId) {
    const d = ctx.tenant.distributions.get(s.distributionId);
    if (d) {
      const st = (d.stats[hostId] ??= {
        assigned: 0,
        cancelled: 0,
        noShow: 0,
        reassignedToThis: 0,
        reassignedFromThis: 0,
      });
      st.assigned += 1;
    }
  }
  return { ok: true, meeting };
}

/** The `startTimes` array of a phase-1 response. */
export function startTimesView(
  ctx: Ctx,
  slots: Map<string, string[]>,
): { startTime: string; attendees: Record<string, string>[] }[] {
  return [...slots.entries()].map(([startTime, ids]) => ({
    startTime,
    attendees: ids.map((id) => {
      const u = ctx.tenant.users.get(id);
      return { userId: id, name: u?.name ?? '', email: u?.email ?? '' };
    }),
  }));
}

/** Normalizes a client `startTime` to the ISO form used as slot key (undefined when not a date). */
export function slotKey(startTime: string): { key: string; ms: number } | undefined {
  const ms = Date.parse(startTime);
  return Number.isNaN(ms) ? undefined : { key: iso(ms), ms };
}
