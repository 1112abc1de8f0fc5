import * as v from 'valibot';
import { defineTool } from '../tool.js';

/** Organization tools: key check and tenant metadata. */
export const organizationTools = [
  defineTool({
    name: 'health-ping',
    title: 'Check the API key',
    group: 'organization',
    description:
      'Checks that the configured API key is accepted and the Edge API answers. Changes nothing. ' +
      'Call it first: if it fails, every other tool will fail the same way.',
    operation: { name: 'health-ping', method: 'GET', path: '/v1/org/health/ping' },
    input: v.object({}),
    safety: { kind: 'read', idempotent: true },
    permission: 'api.ping',
    response: 'text',
    docs: { permissionConfidence: 'observed', confidence: 'observed' },
  }),
  defineTool({
    name: 'tenant-get',
    title: 'Get the connected tenant',
    group: 'organization',
    description:
      'Returns the organization (tenant) the API key belongs to: its type ("Organization" or "Personal"), ' +
      'tenantData {tenantId, cluster, subdomain} and its domains. Changes nothing. Use it to confirm which ' +
      'account you are connected to.',
    operation: { name: 'tenant-get', method: 'GET', path: '/v1/org/tenant/get' },
    input: v.object({}),
    safety: { kind: 'read', idempotent: true },
    permission: 'tenant.read',
    response: 'json',
    docs: { confidence: 'spec' },
  }),
];
