import * as v from 'valibot';
import { defineTool } from '../tool.js';
import { usersRead } from './previews.js';
import { QUERY_PAGING, USER_KEEP, ref, userIds } from './shared.js';

/** Workspace tools: list workspaces and manage who belongs to them. */

export const workspacesTools = [
  defineTool({
    name: 'workspace-list',
    title: 'List workspaces',
    group: 'workspaces',
    description: 'Lists workspaces; id is the workspaceId other tools take.',
    operation: { name: 'workspace-list', method: 'GET', path: '/v1/org/workspace' },
    input: v.object({}),
    pagination: QUERY_PAGING,
    view: { items: 'results', keep: ['id', 'name', 'nrOfUsers'] },
    safety: { kind: 'read', idempotent: true },
    permission: 'workspace.read',
    response: 'json',
    docs: { confidence: 'spec', safetyReason: 'A list; changes nothing.' },
  }),
  defineTool({
    name: 'workspace-list-users',
    title: 'List workspace members',
    group: 'workspaces',
    description: 'Lists the users of one workspace, or of the whole org without workspaceId.',
    operation: { name: 'workspace-list-users', method: 'GET', path: '/v1/org/workspace/users' },
    input: v.object({
      workspaceId: v.optional(ref('workspaceId', 'From workspace-list; omit for the whole org.')),
    }),
    pagination: QUERY_PAGING,
    view: { items: 'results', keep: USER_KEEP },
    safety: { kind: 'read', idempotent: true },
    permission: 'workspace.read',
    response: 'json',
    docs: {
      confidence: 'spec',
      notes:
        'Spec returns PaginatedResult<User> (key `id`); skills describe items as {userId, email}: followed the spec.',
      safetyReason: 'A list; changes nothing.',
    },
  }),
  defineTool({
    name: 'workspace-add-users',
    title: 'Add users to a workspace',
    group: 'workspaces',
    description: 'Adds users to a workspace; members already in it are skipped.',
    operation: { name: 'workspace-add-users', method: 'POST', path: '/v1/org/workspace/users/add' },
    input: v.object({
      workspaceId: ref('workspaceId', 'From workspace-list.'),
      userIds: userIds('Users to add (from user-find).'),
    }),
    safety: { kind: 'write', idempotent: true },
    permission: 'workspace.modify',
    response: 'json',
    docs: { confidence: 'spec', safetyReason: 'Additive: only adds memberships. Idempotent.' },
  }),
  defineTool({
    name: 'workspace-remove-users',
    title: 'Remove users from a workspace',
    group: 'workspaces',
    description:
      'Removes users from one workspace (their teams and other workspaces stay), which changes who its routing reaches.',
    operation: { name: 'workspace-remove-users', method: 'POST', path: '/v1/org/workspace/users/remove' },
    input: v.object({
      workspaceId: ref('workspaceId', 'From workspace-list.'),
      userIds: userIds('Users to remove.'),
    }),
    safety: { kind: 'destructive', idempotent: true },
    permission: 'workspace.modify',
    response: 'json',
    preview: {
      reads: [
        { as: 'workspace', tool: 'workspace-list', args: {}, find: { where: 'id', equals: '$workspaceId' } },
        usersRead('$userIds'),
      ],
      show: [
        { label: 'Workspace', show: 'workspace.name' },
        { label: 'Users removed', each: 'users.results', show: ['name', 'email'] },
      ],
    },
    docs: {
      confidence: 'spec',
      safetyReason:
        'Removes memberships (destructive by the MCP definition: not additive), though workspace-add-users can ' +
        'restore them. Idempotent.',
    },
  }),
  defineTool({
    name: 'workspace-remove-users-all',
    title: 'Remove users from all workspaces',
    group: 'workspaces',
    description:
      'Removes users from every workspace at once (teams stay), e.g. offboarding. The old memberships are not ' +
      'recorded: note them with user-read first.',
    operation: {
      name: 'workspace-remove-users-all',
      method: 'POST',
      path: '/v1/org/workspace/users/remove-from-all',
    },
    input: v.object({
      userIds: userIds('Users to remove everywhere.'),
    }),
    safety: { kind: 'destructive', idempotent: true },
    permission: 'workspace.modify',
    response: 'json',
    preview: {
      reads: [
        usersRead('$userIds', ['id', 'name', 'email', 'workspaces']),
        { as: 'workspaces', tool: 'workspace-list', args: {} },
      ],
      show: [
        { label: 'Users and the workspaces they leave', each: 'users.results', show: ['name', 'workspaces'] },
      ],
    },
    docs: {
      permissionConfidence: 'inferred',
      confidence: 'inferred',
      notes: 'No schema: body {userIds} inferred from the hosted input; response undocumented.',
      safetyReason: 'Removes every membership at once and the API cannot say which to restore. Idempotent.',
    },
  }),
];
