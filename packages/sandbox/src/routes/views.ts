import type { Tenant } from '../store.js';
import type { Distribution, Rule, Team, User, Workspace } from '../types.js';

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

/** Workspace as the API returns it (plus the live `nrOfUsers` when the tenant is given). */
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

/** Team as the API returns it (`teamMembersMetadata.addedAt` inside `metadata`). */
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

export { effectiveStatus, meetingDetail, meetingListItem } from './meeting-views.js';
