import * as v from 'valibot';
import { defineTool } from '../tool.js';

/** Organization tools: key check and tenant metadata. */
export const organizationTools = [
  defineTool({
    name: 'health-ping',
    title: 'Check the API key',
    group: 'organization',
    description: 'Checks that the API key is accepted. If it fails, every other tool fails the same way.',
    operation: { name: 'health-ping', method: 'GET', path: '/v1/org/health/ping' },
    input: v.object({}),
    safety: { kind: 'read', idempotent: true },
    permission: 'api.ping',
    response: 'text',
    docs: {
      permissionConfidence: 'observed',
      confidence: 'observed',
      safetyReason: 'A ping; changes nothing.',
    },
  }),
  defineTool({
    name: 'tenant-get',
    title: 'Get the connected tenant',
    group: 'organization',
    description:
      'Returns the org the key belongs to: type, tenantData {tenantId, cluster, subdomain}, domains.',
    operation: { name: 'tenant-get', method: 'GET', path: '/v1/org/tenant/get' },
    input: v.object({}),
    safety: { kind: 'read', idempotent: true },
    permission: 'tenant.read',
    response: 'json',
    docs: { confidence: 'spec', safetyReason: 'A lookup; changes nothing.' },
  }),
];
