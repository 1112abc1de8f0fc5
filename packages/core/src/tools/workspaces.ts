import * as v from 'valibot';
import { defineTool } from '../tool.js';
import { QUERY_PAGING, ref, userIds } from './shared.js';

/** Workspace tools: list workspaces and manage who belongs to them. */

export const workspacesTools = [
  defineTool({
    name: 'workspace-list',
    title: 'List workspaces',
    group: 'workspaces',
    description:
      'Lists the workspaces of the org (the layer between the tenant and its teams) with their id, name, icon and ' +
      'audit metadata; the id is the workspaceId other tools ask for. Changes nothing. Paged: pagination.page is ' +
      '0-based, pageSize defaults to 10 (at most 50); ask for the next page until total is reached.',
    operation: { name: 'workspace-list', method: 'GET', path: '/v1/org/workspace' },
    input: v.object({}),
    pagination: QUERY_PAGING,
    safety: { kind: 'read', idempotent: true },
    permission: 'workspace.read',
    response: 'json',
    docs: { confidence: 'spec' },
  }),
  defineTool({
    name: 'workspace-list-users',
    title: 'List workspace members',
    group: 'workspaces',
    description:
      'Lists the user profiles of one workspace, or of the whole org when workspaceId is left out. Changes nothing. ' +
      'Paged: pagination.page is 0-based, pageSize defaults to 10 (at most 50); ask for the next page until total ' +
      'is reached.',
    operation: { name: 'workspace-list-users', method: 'GET', path: '/v1/org/workspace/users' },
    input: v.object({
      workspaceId: v.optional(
        ref('workspaceId', 'Workspace to list (from workspace-list); omit for every user in the org.'),
      ),
    }),
    pagination: QUERY_PAGING,
    safety: { kind: 'read', idempotent: true },
    permission: 'workspace.read',
    response: 'json',
    docs: {
      confidence: 'spec',
      notes:
        'Spec returns PaginatedResult<User> (key `id`); skills describe items as {userId, email}: followed the spec.',
    },
  }),
  defineTool({
    name: 'workspace-add-users',
    title: 'Add users to a workspace',
    group: 'workspaces',
    description:
      'Adds users to one workspace; users already in it are skipped, so repeating the call is harmless. ' +
      'Returns {}.',
    operation: { name: 'workspace-add-users', method: 'POST', path: '/v1/org/workspace/users/add' },
    input: v.object({
      workspaceId: ref('workspaceId', 'Workspace to add the users to (from workspace-list).'),
      userIds: userIds('Users to add (at least one; from user-find).'),
    }),
    safety: { kind: 'write', idempotent: true },
    permission: 'workspace.modify',
    response: 'json',
    docs: { confidence: 'spec' },
  }),
  defineTool({
    name: 'workspace-remove-users',
    title: 'Remove users from a workspace',
    group: 'workspaces',
    description:
      'Takes users out of one workspace; their other workspaces and all team memberships stay as they are, and ' +
      'non-members are skipped, so a repeat is harmless. Can change who routing rules and distributions in that ' +
      'workspace reach. Returns {}.',
    operation: { name: 'workspace-remove-users', method: 'POST', path: '/v1/org/workspace/users/remove' },
    input: v.object({
      workspaceId: ref('workspaceId', 'Workspace to remove the users from (from workspace-list).'),
      userIds: userIds('Users to remove (at least one).'),
    }),
    safety: { kind: 'write', idempotent: true },
    permission: 'workspace.modify',
    response: 'json',
    docs: {
      confidence: 'spec',
      notes: 'A write, not destructive: one membership goes and can be restored with workspace-add-users.',
    },
  }),
  defineTool({
    name: 'workspace-remove-users-all',
    title: 'Remove users from all workspaces',
    group: 'workspaces',
    description:
      'Takes users out of every workspace in the org at once (team memberships are left alone), e.g. when ' +
      'offboarding. Repeating it changes nothing more, but the previous memberships are not recorded anywhere: ' +
      'note them with user-read first if they may need restoring.',
    operation: {
      name: 'workspace-remove-users-all',
      method: 'POST',
      path: '/v1/org/workspace/users/remove-from-all',
    },
    input: v.object({
      userIds: userIds('Users to remove from every workspace (at least one).'),
    }),
    safety: { kind: 'destructive', idempotent: true },
    permission: 'workspace.modify',
    response: 'json',
    docs: {
      permissionConfidence: 'inferred',
      confidence: 'inferred',
      notes:
        'No schema: body {userIds} inferred from the hosted input; response undocumented. Classed destructive ' +
        'because every membership goes at once and the API cannot say which ones to restore.',
    },
  }),
];
