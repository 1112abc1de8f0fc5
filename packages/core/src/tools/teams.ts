import * as v from 'valibot';
import { defineTool } from '../tool.js';
import { usersRead } from './previews.js';
import { ids, ref, userIds } from './shared.js';

/** Team tools: list teams and manage their members. */

export const teamsTools = [
  defineTool({
    name: 'team-list-put',
    title: 'List teams',
    group: 'teams',
    description: 'Lists teams with their member userIds, by workspace, name text or members.',
    operation: { name: 'team-list-put', method: 'PUT', path: '/v2/org/team' },
    input: v.object({
      workspaceIds: v.optional(v.pipe(ids('workspace ID'), v.description('In any of these workspaces.'))),
      name: v.optional(v.pipe(v.string(), v.description('Name contains this text.'))),
      member: v.optional(v.pipe(ids('user ID'), v.description('Contains every one of these users.'))),
    }),
    pagination: { style: 'page', in: 'body', defaultPageSize: 50, maxPageSize: 200 },
    view: { items: 'results', keep: ['id', 'name', 'workspaceId', 'members'] },
    safety: { kind: 'read', idempotent: true },
    permission: 'team.read',
    response: 'json',
    docs: {
      confidence: 'spec',
      notes:
        'The schema gives no pageSize default or maximum (the operation text says 200). Response items use `id`, ' +
        'not the `teamId` the description shows (schema followed).',
      safetyReason: 'A list sent as PUT; changes nothing.',
    },
  }),
  defineTool({
    name: 'team-add-users',
    title: 'Add users to a team',
    group: 'teams',
    description:
      "Adds users to a team, making them assignees of the team's distributions; members are skipped. Returns the team.",
    operation: { name: 'team-add-users', method: 'POST', path: '/v1/org/team/users/add' },
    input: v.object({
      teamId: ref('teamId', 'From team-list-put.'),
      userIds: userIds('Users to add (from user-find).'),
    }),
    safety: { kind: 'write', idempotent: true },
    permission: 'team.modify',
    response: 'json',
    docs: { confidence: 'spec', safetyReason: 'Additive: only adds memberships. Idempotent.' },
  }),
  defineTool({
    name: 'team-remove-users',
    title: 'Remove users from a team',
    group: 'teams',
    description:
      "Removes users from one team; they stop getting assignments from the team's distributions. Returns the team.",
    operation: { name: 'team-remove-users', method: 'POST', path: '/v1/org/team/users/remove' },
    input: v.object({
      teamId: ref('teamId', 'From team-list-put.'),
      userIds: userIds('Users to remove.'),
    }),
    safety: { kind: 'destructive', idempotent: true },
    permission: 'team.modify',
    response: 'json',
    preview: {
      reads: [
        { as: 'team', tool: 'team-list-put', args: {}, find: { where: 'id', equals: '$teamId' } },
        usersRead('$userIds'),
        { as: 'distributions', tool: 'distribution-list-put', args: { teamId: '$teamId' } },
      ],
      show: [
        { label: 'Team', show: 'team.name' },
        { label: 'Users removed', each: 'users.results', show: ['name', 'email'] },
      ],
      references: [
        {
          label: 'Distributions they stop getting assignments from',
          from: 'distributions.results',
          show: 'published.name',
        },
      ],
    },
    docs: {
      confidence: 'spec',
      safetyReason:
        'Removes memberships and so assignments (not additive), though team-add-users can restore them. Idempotent.',
    },
  }),
  defineTool({
    name: 'team-remove-users-all',
    title: 'Remove users from all teams',
    group: 'teams',
    description:
      'Removes users from every team, in the given workspaces or the whole org, e.g. offboarding. The old ' +
      'memberships are not recorded: list them with team-list-put (member) first.',
    operation: { name: 'team-remove-users-all', method: 'POST', path: '/v1/org/team/users/remove-from-all' },
    input: v.object({
      userIds: userIds('Users to remove.'),
      workspaceIds: v.optional(
        v.pipe(ids('workspace ID'), v.description('Only these workspaces; omit for all.')),
      ),
    }),
    safety: { kind: 'destructive', idempotent: true },
    permission: 'team.modify',
    response: 'json',
    preview: {
      reads: [usersRead('$userIds'), { as: 'teams', tool: 'team-list-put', args: {} }],
      show: [{ label: 'Users removed', each: 'users.results', show: ['name', 'email'] }],
      references: [
        {
          label: 'Teams they leave',
          from: 'teams.results',
          where: [
            { path: 'members[]', in: '$userIds' },
            { path: 'workspaceId', in: '$workspaceIds' },
          ],
          show: 'name',
        },
      ],
    },
    docs: {
      permissionConfidence: 'inferred',
      confidence: 'inferred',
      notes:
        'No schema: body {userIds, workspaceIds?} inferred from the hosted inputs; response undocumented.',
      safetyReason: 'Removes many memberships at once and the API cannot say which to restore. Idempotent.',
    },
  }),
];
