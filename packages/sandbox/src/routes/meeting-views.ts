import type { Tenant } from '../store.js';
import type { Meeting, MeetingStatus } from '../types.js';
import { iso } from '../util/time.js';

/** Status as stored, with past Active meetings reported as Completed. */
export function effectiveStatus(m: Meeting, now: number): MeetingStatus {
  return m.status === 'Active' && m.end <= now ? 'Completed' : m.status;
}

function attendees(m: Meeting, t: Tenant): Record<string, unknown>[] {
  const list: Record<string, unknown>[] = m.assigneeIds.map((id) => {
    const u = t.users.get(id);
    return {
      type: 'User',
      userId: id,
      email: u?.email ?? '',
      name: u?.name ?? '',
      role: id === m.hostId ? 'Host' : 'Assignee',
    };
  });
  list.push({ type: 'Guest', email: m.guestEmail, name: m.guestName, role: 'PrimaryGuest' });
  return list;
}

/** A meeting as meeting-list-put returns it (live item fields). */
export function meetingListItem(
  m: Meeting,
  t: Tenant,
  now: number,
  status?: string,
): Record<string, unknown> {
  const host = t.users.get(m.hostId);
  const s = effectiveStatus(m, now);
  return {
    meetingId: m.id,
    meetingStatus: status ?? s,
    dateTime: { start: iso(m.start), end: iso(m.end) },
    hostId: m.hostId,
    hostEmail: host?.email ?? '',
    hostName: host?.name ?? '',
    assigneeIds: [...m.assigneeIds],
    bookedAt: iso(m.bookedAt),
    primaryGuest: { value: m.guestEmail, name: m.guestName },
    attendees: attendees(m, t),
    workspaceId: m.workspaceId,
    meetingTypeId: m.meetingTypeId,
    scheduleOrigin: m.scheduleOrigin,
    meetingSource: m.meetingSource,
    noShowStatus: s === 'NoShow' ? 'NoShow' : 'None',
    history: m.history.map((h) => ({ ...h })),
    ...(m.crmEventId ? { crmEventId: m.crmEventId } : {}),
    ...(m.distributionId ? { distributionId: m.distributionId } : {}),
    ...(m.sourceUrl ? { sourceUrl: m.sourceUrl, sourceUrlParams: {} } : {}),
  };
}

/** A meeting as meeting-get / crm-get return it (inside `data`). */
export function meetingDetail(m: Meeting, t: Tenant, now: number): Record<string, unknown> {
  const activities = [
    { type: 'BookedAt', at: iso(m.bookedAt) },
    { type: 'ScheduledAt', at: iso(m.start) },
    ...m.history.filter((h) => h.type !== 'Booked').map((h) => ({ ...h })),
  ];
  return {
    id: m.id,
    meetingStatus: effectiveStatus(m, now),
    bookedAt: iso(m.bookedAt),
    dateTime: { start: iso(m.start), end: iso(m.end) },
    hostId: m.hostId,
    workspaceId: m.workspaceId,
    meetingTypeId: m.meetingTypeId,
    attendees: attendees(m, t),
    activities,
    scheduleOrigin: m.scheduleOrigin,
    ...(m.crmEventId ? { crmEventId: m.crmEventId } : {}),
    ...(m.location ? { location: m.location } : {}),
    ...(m.sourceUrl ? { sourceUrl: m.sourceUrl, sourceUrlParams: {} } : {}),
  };
}
