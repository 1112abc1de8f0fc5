import type { Tenant } from '../store.js';
import type { Distribution, Meeting, MeetingStatus, Rule, Team, User, Workspace } from '../types.js';
import { iso } from '../util/time.js';

/** User as the API returns it (`User` schema). */
export function userView(u: User): Record<string, unknown> {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    isSuperAdmin: u.isSuperAdmin,
    licenses: { ...u.licenses },
    managedWorkspaces: [...u.managedWorkspaces],
    managedTeams: [...u.managedTeams],
    ...(u.salesforceId ? { salesforce: { email: u.email, id: u.salesforceId } } : {}),
    slug: u.slug,
    workspaces: [...u.workspaces],
    ...(u.personalWorkspaceId ? { personalWorkspaceId: u.personalWorkspaceId } : {}),
  };
}

export function workspaceView(w: Workspace, t?: Tenant): Record<string, unknown> {
  const view: Record<string, unknown> = {
    id: w.id,
    name: w.name,
    emoji: w.emoji,
    logo: w.logo,
    metadata: { ...w.metadata },
  };
  if (t) {
    let n = 0;
    for (const u of t.users.values()) if (u.workspaces.includes(w.id)) n++;
    view.nrOfUsers = n;
  }
  return view;
}

export function teamView(team: Team): Record<string, unknown> {
  return {
    id: team.id,
    workspaceId: team.workspaceId,
    name: team.name,
    members: [...team.members],
    metadata: { ...team.metadata, teamMembersMetadata: { addedAt: { ...team.addedAt } } },
  };
}

/** Distribution with `published` config, computed user states and prioritization. */
export function distributionView(d: Distribution, t: Tenant): Record<string, unknown> {
  const team = t.teams.get(d.teamId);
  const members = team?.members ?? [];
  const capOf = new Map((d.capping?.userCaps ?? []).map((c) => [c.userId, c.limit]));
  const weightOf = new Map(d.weights.map((w) => [w.userId, w.weight]));
  const calOf = new Map(d.manualCalibration.map((c) => [c.userId, c.calibration]));
  const zero = { assigned: 0, cancelled: 0, noShow: 0, reassignedToThis: 0, reassignedFromThis: 0 };
  const queue: string[] = [];
  const reachedCap: string[] = [];
  const userStates = members.map((userId) => {
    const statistics = { ...(d.stats[userId] ?? zero) };
    const total = statistics.assigned;
    const user = t.users.get(userId);
    if (d.disabled[userId])
      return { type: 'Disabled', userId, total, disabledAt: d.disabled[userId], statistics };
    if (user && !user.licenses.chiliCalOrg && !user.licenses.distro)
      return { type: 'NoLicense', userId, total, licenseRemovedAt: d.lastReset, statistics };
    const cap = capOf.get(userId);
    if (cap !== undefined && total >= cap) {
      reachedCap.push(userId);
      return { type: 'Capped', userId, total, statistics };
    }
    queue.push(userId);
    const weight = weightOf.get(userId) ?? 100;
    const calibrationDelta = calOf.get(userId) ?? 0;
    const current = total + calibrationDelta;
    return {
      type: 'Active',
      userId,
      total,
      level: {
        current,
        nextAssignmentDelta: 100 / Math.max(1, weight),
        calibrationDelta,
        total: current + 100 / Math.max(1, weight),
      },
      statistics,
    };
  });
  const published: Record<string, unknown> = {
    distributionId: d.id,
    workspaceId: d.workspaceId,
    name: d.name,
    assignmentTypeConfig: structuredClone(d.assignmentTypeConfig),
    teamRef: { id: d.teamId, revision: team?.metadata.revision ?? 0 },
    weights: d.weights.map((w) => ({ ...w })),
    manualCalibration: d.manualCalibration.map((c) => ({ ...c })),
    metadata: { ...d.metadata },
  };
  if (d.capping) published.capping = structuredClone(d.capping);
  return {
    id: d.id,
    published,
    state: { userStates, lastReset: d.lastReset },
    prioritization: { queue, onVacation: [], reachedCap },
  };
}

/** RuleView (without internal fields such as `deletedAt`). */
export function ruleView(r: Rule): Record<string, unknown> {
  const { deletedAt: _deleted, ...view } = r;
  return structuredClone(view);
}

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
