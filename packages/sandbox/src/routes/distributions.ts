import { invalid, notFound } from '../http/errors.js';
import type { Route } from '../http/router.js';
import { paginate, parseBody } from '../http/validate.js';
import type { Tenant } from '../store.js';
import type { Distribution } from '../types.js';
import { iso } from '../util/time.js';
import { checkMembers } from './distribution-members.js';
import { AdjustSchema, CreateSchema, ListSchema, UpdateSchema } from './distribution-schemas.js';
import { getTeam } from './teams.js';
import { distributionView } from './views.js';
import { getWorkspace } from './workspaces.js';

/** Looks a distribution up in this tenant (404 otherwise). */
export function getDistribution(t: Tenant, id: string): Distribution {
  const d = t.distributions.get(id);
  if (!d) throw notFound('Distribution', id);
  return d;
}

function checkTeam(t: Tenant, teamId: string, workspaceId: string): void {
  const team = getTeam(t, teamId);
  if (team.workspaceId !== workspaceId)
    throw invalid(`body (teamId: team ${teamId} is not in workspace ${workspaceId})`);
}

function bump(d: Distribution, by: string, now: number): void {
  d.metadata = { ...d.metadata, updatedAt: iso(now), updatedBy: by, revision: d.metadata.revision + 1 };
}

export const distributionRoutes: Route[] = [
  {
    name: 'distribution-list-put',
    method: 'PUT',
    path: '/v2/org/distribution/list',
    permissions: ['distribution.read'],
    handler: ({ tenant, body }) => {
      const b = parseBody(ListSchema, body ?? {});
      const name = b.name?.toLowerCase();
      const list = [...tenant.distributions.values()].filter(
        (d) =>
          (!b.workspaceIds || b.workspaceIds.includes(d.workspaceId)) &&
          (!name || d.name.toLowerCase().includes(name)) &&
          (!b.assignmentType || d.assignmentTypeConfig.type === b.assignmentType),
      );
      return { json: paginate(list, b.page, b.pageSize, (d) => distributionView(d, tenant)) };
    },
  },
  {
    name: 'distribution-create',
    method: 'POST',
    path: '/v1/org/distribution',
    permissions: ['distribution.modify'],
    handler: ({ tenant, body, key, now, sandbox }) => {
      const b = parseBody(CreateSchema, body);
      getWorkspace(tenant, b.workspaceId);
      checkTeam(tenant, b.teamId, b.workspaceId);
      checkMembers(tenant, b.teamId, b);
      const at = iso(now);
      const by = `apikey/${key.id}`;
      const d: Distribution = {
        id: sandbox.nextId('uuid'),
        workspaceId: b.workspaceId,
        name: b.name,
        teamId: b.teamId,
        assignmentTypeConfig: b.assignmentTypeConfig,
        weights: b.weights ?? [],
        manualCalibration: b.manualCalibration ?? [],
        stats: {},
        disabled: {},
        lastReset: at,
        metadata: { createdAt: at, createdBy: by, updatedAt: at, updatedBy: by, revision: 1 },
        ...(b.capping ? { capping: b.capping } : {}),
      };
      tenant.distributions.set(d.id, d);
      return { json: { distributionId: d.id } };
    },
  },
  {
    name: 'distribution-update-v3',
    method: 'POST',
    path: '/v3/org/distribution/{distributionId}',
    permissions: ['distribution.modify'],
    handler: ({ tenant, params, body, key, now }) => {
      const d = getDistribution(tenant, params.distributionId ?? '');
      const b = parseBody(UpdateSchema, body);
      if (b.teamId) checkTeam(tenant, b.teamId, d.workspaceId);
      checkMembers(tenant, b.teamId ?? d.teamId, b, d.id);
      if (b.name !== undefined) d.name = b.name;
      if (b.teamId !== undefined) d.teamId = b.teamId;
      if (b.assignmentTypeConfig !== undefined) d.assignmentTypeConfig = b.assignmentTypeConfig;
      d.weights = b.weights ?? [];
      d.manualCalibration = b.manualCalibration ?? [];
      if (b.capping) d.capping = b.capping;
      else delete d.capping;
      bump(d, `apikey/${key.id}`, now);
      return { json: distributionView(d, tenant) };
    },
  },
  {
    name: 'distribution-adjust-v3',
    method: 'POST',
    path: '/v3/org/distribution/{distributionId}/adjust',
    permissions: ['distribution.modify'],
    handler: ({ tenant, params, body, key, now }) => {
      const d = getDistribution(tenant, params.distributionId ?? '');
      const b = parseBody(AdjustSchema, body);
      checkMembers(tenant, d.teamId, b, d.id);
      for (const w of b.weights ?? []) {
        const cur = d.weights.find((x) => x.userId === w.userId);
        if (cur) cur.weight = Math.max(0, Math.min(10000, cur.weight + w.weight));
        else d.weights.push({ userId: w.userId, weight: Math.max(0, Math.min(10000, 100 + w.weight)) });
      }
      for (const c of b.manualCalibration ?? []) {
        const cur = d.manualCalibration.find((x) => x.userId === c.userId);
        if (cur) cur.calibration += c.calibration;
        else d.manualCalibration.push({ ...c });
      }
      bump(d, `apikey/${key.id}`, now);
      return { json: distributionView(d, tenant) };
    },
  },
  {
    name: 'distribution-delete',
    method: 'DELETE',
    path: '/v1/org/distribution/{distributionId}',
    permissions: ['distribution.remove'],
    handler: ({ tenant, params }) => {
      const d = getDistribution(tenant, params.distributionId ?? '');
      tenant.distributions.delete(d.id);
      return { json: {} };
    },
  },
];
