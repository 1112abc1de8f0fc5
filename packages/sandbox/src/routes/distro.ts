import { apiError, notFound } from '../http/errors.js';
import type { Route } from '../http/router.js';
import { iso } from '../util/time.js';

/** distro-list-routers and resource-scheduler-run (permission distro.modify is inferred). */
export const distroRoutes: Route[] = [
  {
    name: 'distro-list-routers',
    method: 'POST',
    path: '/v1/org/distro/routers/list',
    permissions: ['distro.read'],
    handler: ({ tenant }) => ({
      json: {
        routers: [...tenant.distroRouters.values()].map((r) => ({
          id: r.id,
          name: r.name,
          status: { ...r.status },
          trigger: structuredClone(r.trigger),
        })),
      },
    }),
  },
  {
    name: 'resource-scheduler-run',
    method: 'POST',
    path: '/v1/org/resource-scheduler/{resourceSchedulerId}/run',
    permissions: ['distro.modify'],
    handler: ({ tenant, params, now, sandbox }) => {
      const id = params.resourceSchedulerId ?? '';
      const router = [...tenant.distroRouters.values()].find((r) => r.schedulerId === id);
      if (!router) throw notFound('Resource scheduler', id);
      if (router.status.type !== 'Active')
        throw apiError(
          409,
          'RouterNotActive',
          `Distro router ${router.id} of scheduler ${id} is ${router.status.type}`,
          { routerId: router.id },
        );
      const runs = tenant.schedulerRuns.get(id) ?? [];
      runs.push(iso(now));
      tenant.schedulerRuns.set(id, runs);
      router.runs.push(iso(now));
      return {
        json: {
          runId: sandbox.nextId('uuid'),
          resourceSchedulerId: id,
          routerId: router.id,
          status: 'Started',
          startedAt: iso(now),
        },
      };
    },
  },
];
