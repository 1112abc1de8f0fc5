import type { Tenant } from './store.js';
import type { Meeting, User } from './types.js';
import { DAY, MINUTE } from './util/time.js';
import { isoWeekday } from './seed/meetings.js';

export interface SlotQuery {
  /** Candidate users. */
  userIds: string[];
  /** `any`: one free candidate per slot (round robin, first free in order); `all`: every candidate free (group). */
  mode: 'any' | 'all';
  /** Users who must also be free (e.g. required additional attendees). */
  requiredIds?: string[];
  from: number;
  to: number;
  durationMs: number;
  incrementMs?: number;
  now: number;
  /** Stop after this many slots. */
  limit?: number;
}

export interface Slot {
  start: number;
  userIds: string[];
}

/** Blocking meetings (not canceled) per user overlapping [from, to). */
export function busyByUser(t: Tenant, from: number, to: number): Map<string, Meeting[]> {
  const busy = new Map<string, Meeting[]>();
  for (const m of t.meetings.range(from - DAY, to)) {
    if (m.status === 'Canceled' || m.end <= from) continue;
    for (const u of new Set([m.hostId, ...m.assigneeIds])) {
      const list = busy.get(u);
      if (list) list.push(m);
      else busy.set(u, [m]);
    }
  }
  return busy;
}

/** True when [start, start+duration) is inside the user's working hours (UTC) on a working day. */
export function inWorkingHours(u: User, start: number, durationMs: number): boolean {
  const day = Math.floor(start / DAY) * DAY;
  if (!u.workingHours.days.includes(isoWeekday(day))) return false;
  const open = day + u.workingHours.startHour * 60 * MINUTE;
  const close = day + u.workingHours.endHour * 60 * MINUTE;
  return start >= open && start + durationMs <= close;
}

/** True when the user is in working hours and has no overlapping meeting. */
export function isFree(
  t: Tenant,
  busy: Map<string, Meeting[]>,
  userId: string,
  start: number,
  durationMs: number,
): boolean {
  const u = t.users.get(userId);
  if (!u || !inWorkingHours(u, start, durationMs)) return false;
  const end = start + durationMs;
  return !(busy.get(userId) ?? []).some((m) => m.start < end && m.end > start);
}

/** Start times (aligned to the increment, not in the past) at which the query's users are available. */
export function computeSlots(t: Tenant, q: SlotQuery): Slot[] {
  const inc = q.incrementMs ?? 30 * MINUTE;
  const earliest = Math.max(q.from, q.now + 15 * MINUTE);
  const busy = busyByUser(t, q.from, q.to);
  const slots: Slot[] = [];
  const limit = q.limit ?? 1000;
  for (let s = Math.ceil(earliest / inc) * inc; s + q.durationMs <= q.to && slots.length < limit; s += inc) {
    if (q.requiredIds && !q.requiredIds.every((id) => isFree(t, busy, id, s, q.durationMs))) continue;
    if (q.mode === 'all') {
      if (q.userIds.length > 0 && q.userIds.every((id) => isFree(t, busy, id, s, q.durationMs)))
        slots.push({ start: s, userIds: [...q.userIds, ...(q.requiredIds ?? [])] });
    } else {
      const free = q.userIds.find((id) => isFree(t, busy, id, s, q.durationMs));
      if (free) slots.push({ start: s, userIds: [free, ...(q.requiredIds ?? [])] });
    }
  }
  return slots;
}
