import { notFound } from '../http/errors.js';
import type { Route } from '../http/router.js';
import { paginate, queryPaging, requiredQuery } from '../http/validate.js';
import type { Tenant } from '../store.js';
import type { AssignmentTableDefinition } from '../types.js';
import { getWorkspace } from './workspaces.js';

/** A definition of this workspace (404 otherwise, also for a table of another workspace). */
export function getAssignmentTable(t: Tenant, workspaceId: string, id: string): AssignmentTableDefinition {
  const d = t.assignmentTables.get(id);
  if (!d || d.workspaceId !== workspaceId) throw notFound('Assignment table', id);
  return d;
}

/** A definition as the list answers it: `{id, name, inputs, outputs, allKeys, metadata}`. */
export function definitionView(d: AssignmentTableDefinition): Record<string, unknown> {
  return {
    id: d.id,
    name: d.name,
    inputs: d.inputs.map((c) => structuredClone(c)),
    outputs: d.outputs.map((c) => ({ ...c })),
    allKeys: [...d.inputs, ...d.outputs].map((c) => c.key),
    metadata: { ...d.metadata },
  };
}

/**
 * assignment-table-definition-list. No OpenAPI subset describes it: the parameters and the item shape follow the
 * hosted tool catalog (workspaceId required, name a case-sensitive filter, page/pageSize default 0/10); the
 * maximum page size (50, like the other GET lists) and the permission are the sandbox's choice.
 */
export const assignmentTableRoutes: Route[] = [
  {
    name: 'assignment-table-definition-list',
    method: 'GET',
    path: '/v1/org/assignment-table-definitions/list',
    permissions: ['assignment-table.read'],
    handler: ({ tenant, query }) => {
      const ws = getWorkspace(tenant, requiredQuery(query, 'workspaceId'));
      const { page, pageSize } = queryPaging(query, 10, 50);
      const name = query.get('name');
      const list = [...tenant.assignmentTables.values()].filter(
        (d) => d.workspaceId === ws.id && (!name || d.name.includes(name)),
      );
      return { json: paginate(list, page, pageSize, definitionView) };
    },
  },
];
