import * as v from 'valibot';
import { notFound } from '../http/errors.js';
import type { Route } from '../http/router.js';
import { Id, Ids, bodyPaging, paginate, parseBody } from '../http/validate.js';
import type { Tenant } from '../store.js';
import type { Team } from '../types.js';
import { iso } from '../util/time.js';
import { getUser } from './users.js';
import { teamView } from './views.js';

const ListSchema = v.nullish(
  v.object({
    workspaceIds: v.optional(Ids),
    name: v.optional(v.string()),
    member: v.optional(Ids),
    ...bodyPaging(200, 1000),
  }),
  {},
);
const MembersSchema = v.object({ teamId: Id, userIds: Ids });

/** Looks a team up in this tenant (404 otherwise). */
export function getTeam(t: Tenant, id: string): Team {
  const team = t.teams.get(id);
  if (!team) throw notFound('Team', id);
  return team;
}

function touch(team: Team, by: string, now: number): void {
  team.metadata = {
    ...team.metadata,
    updatedAt: iso(now),
    updatedBy: by,
    revision: team.metadata.revision + 1,
  };
}

export const teamRoutes: Route[] = [
  {
    name: 'team-list-put',
    method: 'PUT',
    path: '/v2/org/team',
    permissions: ['team.read'],
    handler: ({ tenant, body }) => {
      const b = parseBody(ListSchema, body ?? {});
      const name = b.name?.toLowerCase();
      const teams = [...tenant.teams.values()].filter(
        (t) =>
          (!b.workspaceIds || b.workspaceIds.includes(t.workspaceId)) &&
          (!name || t.name.toLowerCase().includes(name)) &&
          (!b.member || b.member.every((m) => t.members.includes(m))),
      );
      return { json: paginate(teams, b.page, b.pageSize, teamView) };
    },
  },
  {
    name: 'team-add-users',
    method: 'POST',
    path: '/v1/org/team/users/add',
    permissions: ['team.modify'],
    handler: ({ tenant, body, key, now }) => {
      const b = parseBody(MembersSchema, body);
      const team = getTeam(tenant, b.teamId);
      const users = b.userIds.map((id) => getUser(tenant, id));
      const added = users.filter((u) => !team.members.includes(u.id));
      for (const u of added) {
        team.members.push(u.id);
        team.addedAt[u.id] = iso(now);
      }
      if (added.length > 0) touch(team, `apikey/${key.id}`, now);
      return { json: teamView(team) };
    },
  },
  {
    name: 'team-remove-users',
    method: 'POST',
    path: '/v1/org/team/users/remove',
    permissions: ['team.modify'],
    handler: ({ tenant, body, key, now }) => {
      const b = parseBody(MembersSchema, body);
      const team = getTeam(tenant, b.teamId);
      b.userIds.forEach((id) => getUser(tenant, id));
      const before = team.members.length;
      team.members = team.members.filter((m) => !b.userIds.includes(m));
      for (const id of b.userIds) delete team.addedAt[id];
      if (team.members.length !== before) touch(team, `apikey/${key.id}`, now);
      return { json: teamView(team) };
    },
  },
  {
    name: 'team-remove-users-all',
    method: 'POST',
    path: '/v1/org/team/users/remove-from-all',
    permissions: ['team.modify'],
    handler: ({ tenant, body, key, now }) => {
      const b = parseBody(v.object({ userIds: Ids, workspaceIds: v.optional(Ids) }), body);
      b.userIds.forEach((id) => getUser(tenant, id));
      for (const team of tenant.teams.values()) {
        if (b.workspaceIds && !b.workspaceIds.includes(team.workspaceId)) continue;
        const before = team.members.length;
        team.members = team.members.filter((m) => !b.userIds.includes(m));
        for (const id of b.userIds) delete team.addedAt[id];
        if (team.members.length !== before) touch(team, `apikey/${key.id}`, now);
      }
      return { json: {} };
    },
  },
];
