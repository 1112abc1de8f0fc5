import type { Route } from '../http/router.js';

/** health-ping and tenant-get. */
export const orgRoutes: Route[] = [
  {
    name: 'health-ping',
    method: 'GET',
    path: '/v1/org/health/ping',
    permissions: ['api.ping'],
    handler: () => ({ json: 'ok' }),
  },
  {
    name: 'tenant-get',
    method: 'GET',
    path: '/v1/org/tenant/get',
    permissions: ['tenant.read'],
    handler: ({ tenant }) => ({
      json: {
        type: 'Organization',
        tenantData: { tenantId: tenant.id, cluster: tenant.cluster, subdomain: tenant.subdomain },
        domains: [...tenant.domains],
      },
    }),
  },
];
