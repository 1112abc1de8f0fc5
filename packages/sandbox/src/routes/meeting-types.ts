import { invalid } from '../http/errors.js';
import type { Route } from '../http/router.js';
import type { MeetingType } from '../types.js';
import { getWorkspace } from './workspaces.js';

/** The spec's `MeetingType`: the duration as a FiniteDuration string; `reminders` are not fetched on list. */
export function meetingTypeView(m: MeetingType, tenantName: string): Record<string, unknown> {
  return {
    id: m.id,
    workspaceId: m.workspaceId,
    name: m.name,
    description: m.description,
    inviteTitle: `${m.name} with ${tenantName}`,
    inviteDescription: m.description,
    status: m.status,
    duration: `${m.durationMin} minutes`,
    location: structuredClone(m.location),
    buffers: { ...m.buffers },
    ...(m.meetingLimit ? { meetingLimit: { ...m.meetingLimit } } : {}),
  };
}

/** meeting-type-list: every team meeting type of the tenant, or of one workspace, as a bare array. */
export const meetingTypeRoutes: Route[] = [
  {
    name: 'meeting-type-list',
    method: 'GET',
    path: '/v1/org/meeting-types/list',
    permissions: ['meeting-type.read'],
    handler: ({ tenant, query }) => {
      const ws = query.get('workspaceId');
      if (ws !== null) {
        if (!/^[^\s\\/]+$/.test(ws)) throw invalid('query parameter workspaceId');
        getWorkspace(tenant, ws); // an unknown workspace is a 404, as in workspace-list-users (a choice)
      }
      const types = [...tenant.meetingTypes.values()].filter((m) => ws === null || m.workspaceId === ws);
      return { json: types.map((m) => meetingTypeView(m, tenant.name)) };
    },
  },
];
