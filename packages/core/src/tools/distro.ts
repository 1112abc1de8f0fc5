import * as v from 'valibot';
import { defineTool } from '../tool.js';
import { uuid } from './shared.js';

/** Distro tools: CRM-record routers and on-demand runs of their scheduled triggers. */

export const distroTools = [
  defineTool({
    name: 'distro-list-routers',
    title: 'List Distro routers',
    group: 'distro',
    description:
      'Lists Distro routers (they assign CRM records such as leads) with status and trigger; a Scheduled ' +
      'trigger event carries the schedulerId that resource-scheduler-run takes.',
    operation: { name: 'distro-list-routers', method: 'POST', path: '/v1/org/distro/routers/list' },
    input: v.object({}),
    noBody: true,
    safety: { kind: 'read', idempotent: true },
    permission: 'distro.read',
    response: 'json',
    docs: {
      confidence: 'spec',
      notes: 'The spec declares no parameters and no request body, so none is sent.',
      safetyReason: 'A list sent as POST; changes nothing.',
    },
  }),
  defineTool({
    name: 'resource-scheduler-run',
    title: 'Run a scheduled Distro trigger now',
    group: 'distro',
    description:
      "Runs a resource scheduler now: its CRM query runs and every matching record goes to the router's flow, " +
      'which can assign owners and update the CRM. Not retried: each call starts a new run.',
    operation: {
      name: 'resource-scheduler-run',
      method: 'POST',
      path: '/v1/org/resource-scheduler/{resourceSchedulerId}/run',
    },
    input: v.object({
      resourceSchedulerId: uuid(
        'resourceSchedulerId',
        'A Scheduled trigger event schedulerId (distro-list-routers).',
      ),
    }),
    noBody: true,
    safety: { kind: 'write', idempotent: false },
    permission: 'distro.modify',
    response: 'json',
    docs: {
      externalEffects: true,
      permissionConfidence: 'inferred',
      confidence: 'observed',
      notes:
        'Path from the operation index, input from the hosted tool; no body is sent (none documented). The id is ' +
        'a UUID (ResourceSchedulerId, format uuid, in the Distro router schema). Response and permission are ' +
        'undocumented (distro.modify inferred).',
      safetyReason:
        'Starts a routing run that may reassign records and update the CRM (changes, but removes nothing by ' +
        'itself). Not idempotent: each call is a new run.',
    },
  }),
];
