import * as v from 'valibot';
import { defineTool } from '../tool.js';
import { ids, ref, userIds } from './shared.js';

/** Team tools: list teams and manage their members. */

export const teamsTools = [
  defineTool({
    name: 'team-list-put',
    title: 'List teams',
    group: 'teams',
    description:
      'Lists teams (id, workspaceId, name, member userIds, metadata), optionally only those in given workspaces, ' +
      'whose name contains a text, or that contain all of the given members. Changes nothing (PUT only keeps ' +
      'filters out of the URL). Paged: pagination.page is 0-based and pageSize defaults to 200; ask for the next ' +
      'page until total is reached.',
    operation: { name: 'team-list-put', method: 'PUT', path: '/v2/org/team' },
    input: v.object({
      workspaceIds: v.optional(v.pipe(ids('workspace ID'), v.description('Only teams in these workspaces.'))),
      name: v.optional(v.pipe(v.string(), v.description('Only teams whose name contains this text.'))),
      member: v.optional(
        v.pipe(ids('user ID'), v.description('Only teams that contain every one of these users (user IDs).')),
      ),
    }),
    pagination: { style: 'page', in: 'body', items: 'results', defaultPageSize: 200 },
    safety: { kind: 'read', idempotent: true },
    permission: 'team.read',
    response: 'json',
    docs: {
      confidence: 'spec',
      notes:
        'The schema gives no pageSize default or maximum; 200 comes from the operation description. Response items ' +
        'use `id`, not the `teamId` the description shows (schema followed).',
    },
  }),
  defineTool({
    name: 'team-add-users',
    title: 'Add users to a team',
    group: 'teams',
    description:
      'Adds users to a team, which makes them assignees of the distributions that use it; current members are ' +
      'skipped, so repeating the call is harmless. Returns the updated team.',
    operation: { name: 'team-add-users', method: 'POST', path: '/v1/org/team/users/add' },
    input: v.object({
      teamId: ref('teamId', 'Team to add the users to (from team-list-put).'),
      userIds: userIds('Users to add (at least one; from user-find).'),
    }),
    safety: { kind: 'write', idempotent: true },
    permission: 'team.modify',
    response: 'json',
    docs: { confidence: 'spec' },
  }),
  defineTool({
    name: 'team-remove-users',
    title: 'Remove users from a team',
    group: 'teams',
    description:
      'Takes users out of one team; their other teams stay as they are and non-members are skipped, so a repeat ' +
      'is harmless. The users stop receiving assignments from distributions that use this team. Returns the ' +
      'updated team.',
    operation: { name: 'team-remove-users', method: 'POST', path: '/v1/org/team/users/remove' },
    input: v.object({
      teamId: ref('teamId', 'Team to remove the users from (from team-list-put).'),
      userIds: userIds('Users to remove (at least one).'),
    }),
    safety: { kind: 'write', idempotent: true },
    permission: 'team.modify',
    response: 'json',
    docs: {
      confidence: 'spec',
      notes: 'A write, not destructive: one membership goes and can be restored with team-add-users.',
    },
  }),
  defineTool({
    name: 'team-remove-users-all',
    title: 'Remove users from all teams',
    group: 'teams',
    description:
      'Takes users out of every team, either within the given workspaces or across the whole org when ' +
      'workspaceIds is omitted, e.g. when offboarding. Repeating it changes nothing more, but the old memberships ' +
      'are not recorded: list them with team-list-put (member filter) first if they may need restoring.',
    operation: { name: 'team-remove-users-all', method: 'POST', path: '/v1/org/team/users/remove-from-all' },
    input: v.object({
      userIds: userIds('Users to remove from their teams (at least one).'),
      workspaceIds: v.optional(
        v.pipe(
          ids('workspace ID'),
          v.description('Only teams in these workspaces; omit for every team in the org.'),
        ),
      ),
    }),
    safety: { kind: 'destructive', idempotent: true },
    permission: 'team.modify',
    response: 'json',
    docs: {
      permissionConfidence: 'inferred',
      confidence: 'inferred',
      notes:
        'No schema: body {userIds, workspaceIds?} inferred from the hosted inputs; response undocumented. Classed ' +
        'destructive because many memberships go at once and the API cannot say which ones to restore.',
    },
  }),
];
