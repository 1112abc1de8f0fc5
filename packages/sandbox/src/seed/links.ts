import type { Prng } from '../util/prng.js';
import type { Tenant } from '../store.js';
import type { SchedulingLink } from '../types.js';

/** Scheduling links of every kind: personal (two per user), round-robin, ownership, group, admin one-on-one. */
export function seedLinks(t: Tenant, rng: Prng): void {
  const add = (l: SchedulingLink): void => void t.links.set(l.linkId, l);
  const typesOf = (wsId: string): string[] =>
    [...t.meetingTypes.values()].filter((m) => m.workspaceId === wsId).map((m) => m.id);
  for (const u of t.users.values()) {
    const wsId = u.workspaces[0] as string;
    for (const mtId of typesOf(wsId).slice(0, 2)) {
      const mt = t.meetingTypes.get(mtId);
      const slug = `${u.slug}-${(mt?.name ?? 'meeting').toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
      add({
        kind: 'personal',
        linkId: rng.uuid(),
        workspaceId: wsId,
        name: mt?.name ?? 'Meeting',
        slug,
        meetingTypeIds: [mtId],
        userIds: [u.id],
      });
    }
  }
  let i = 0;
  for (const d of t.distributions.values()) {
    if (d.assignmentTypeConfig.type !== 'Meeting') continue;
    const team = t.teams.get(d.teamId);
    const slug = `${(team?.name ?? 'team').toLowerCase().replace(/[^a-z0-9]+/g, '-')}-round-robin`;
    add({
      kind: 'round-robin',
      linkId: rng.uuid(),
      workspaceId: d.workspaceId,
      name: `${team?.name ?? 'Team'} Round Robin`,
      slug,
      meetingTypeIds: typesOf(d.workspaceId).slice(0, 2),
      userIds: [...(team?.members ?? [])],
      distributionId: d.id,
      teamId: d.teamId,
    });
    if (i === 0) {
      add({
        kind: 'ownership',
        linkId: rng.uuid(),
        workspaceId: d.workspaceId,
        name: 'Account Owner Meeting',
        slug: 'account-owner',
        meetingTypeIds: typesOf(d.workspaceId).slice(0, 1),
        userIds: [...(team?.members ?? [])],
        distributionId: d.id,
        teamId: d.teamId,
      });
    }
    i++;
  }
  let g = 0;
  for (const team of t.teams.values()) {
    if (g >= 2) break;
    const base = team.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    add({
      kind: 'group',
      linkId: rng.uuid(),
      workspaceId: team.workspaceId,
      name: `${team.name} Panel`,
      slug: `${base}-panel`,
      meetingTypeIds: typesOf(team.workspaceId).slice(1, 2),
      userIds: team.members.slice(0, 2),
    });
    add({
      kind: 'admin-one-on-one',
      linkId: rng.uuid(),
      workspaceId: team.workspaceId,
      name: `${team.name} Onboarding`,
      slug: `${base}-onboarding`,
      meetingTypeIds: typesOf(team.workspaceId).slice(0, 1),
      userIds: team.members.slice(0, 1),
    });
    g++;
  }
}
