import * as v from 'valibot';
import { notFound } from '../http/errors.js';
import type { Route } from '../http/router.js';
import { Id, Ids, paginate, parseBody, queryPaging } from '../http/validate.js';
import type { Tenant } from '../store.js';
import type { Workspace } from '../types.js';
import { getUser } from './users.js';
import { userView, workspaceView } from './views.js';

const MembersSchema = v.object({ workspaceId: Id, userIds: Ids });

/** Looks a workspace up in this tenant (404 otherwise). */
export function getWorkspace(t: Tenant, id: string): Workspace {
  const w = t.workspaces.get(id);
  if (!w) throw notFound('Workspace', id);
  return w;
}

export const workspaceRoutes: Route[] = [
  {
    name: 'workspace-list',
    method: 'GET',
    path: '/v1/org/workspace',
    permissions: ['workspace.read'],
    handler: ({ tenant, query }) => {
      const { page, pageSize } = queryPaging(query, 10, 50);
      return {
        json: paginate([...tenant.workspaces.values()], page, pageSize, (w) => workspaceView(w, tenant)),
      };
    },
  },
  {
    name: 'workspace-list-users',
    method: 'GET',
    path: '/v1/org/workspace/users',
    permissions: ['workspace.read'],
    handler: ({ tenant, query }) => {
      const { page, pageSize } = queryPaging(query, 10, 50);
      const ws = query.get('workspaceId');
      if (ws) getWorkspace(tenant, ws);
      const users = [...tenant.users.values()].filter((u) => !ws || u.workspaces.includes(ws));
      return { json: paginate(users, page, pageSize, userView) };
    },
  },
  {
    name: 'workspace-add-users',
    method: 'POST',
    path: '/v1/org/workspace/users/add',
    permissions: ['workspace.modify'],
    handler: ({ tenant, body }) => {
      const b = parseBody(MembersSchema, body);
      getWorkspace(tenant, b.workspaceId);
      const users = b.userIds.map((id) => getUser(tenant, id));
      for (const u of users) if (!u.workspaces.includes(b.workspaceId)) u.workspaces.push(b.workspaceId);
      return { json: {} };
    },
  },
  {
    name: 'workspace-remove-users',
    method: 'POST',
    path: '/v1/org/workspace/users/remove',
    permissions: ['workspace.modify'],
    handler: ({ tenant, body }) => {
      const b = parseBody(MembersSchema, body);
      getWorkspace(tenant, b.workspaceId);
      const users = b.userIds.map((id) => getUser(tenant, id));
      for (const u of users) u.workspaces = u.workspaces.filter((w) => w !== b.workspaceId);
      return { json: {} };
    },
  },
  {
    name: 'workspace-remove-users-all',
    method: 'POST',
    path: '/v1/org/workspace/users/remove-from-all',
    permissions: ['workspace.modify'],
    handler: ({ tenant, body }) => {
      const b = parseBody(v.object({ userIds: Ids }), body);
      const users = b.userIds.map((id) => getUser(tenant, id));
      for (const u of users) u.workspaces = [];
      return { json: {} };
    },
  },
];
