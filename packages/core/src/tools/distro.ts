import * as v from 'valibot';
import { defineTool } from '../tool.js';

/** Distro tools: CRM-record routers and on-demand runs of their scheduled triggers. */

export const distroTools = [
  defineTool({
    name: 'distro-list-routers',
    title: 'List Distro routers',
    group: 'distro',
    description:
      'Lists every Distro router (routers that assign CRM records such as leads to users) with id, name, status ' +
      '(Active, Inactive, Activating, Deactivating or Error) and trigger. Changes nothing. Not paged. A trigger ' +
      'event of type Scheduled carries schedulerId, the resourceSchedulerId that resource-scheduler-run takes.',
    operation: { name: 'distro-list-routers', method: 'POST', path: '/v1/org/distro/routers/list' },
    input: v.object({}),
    noBody: true,
    safety: { kind: 'read', idempotent: true },
    permission: 'distro.read',
    response: 'json',
    docs: {
      confidence: 'spec',
      notes: 'The spec declares no parameters and no request body, so none is sent.',
    },
  }),
  defineTool({
    name: 'resource-scheduler-run',
    title: 'Run a scheduled Distro trigger now',
    group: 'distro',
    description:
      'Runs one resource scheduler immediately instead of waiting for its schedule: its configured CRM query is ' +
      'executed and every matching record is handed to the linked routing flow, which can assign owners and ' +
      'update the CRM. Not retry-safe: each call starts a new run. Find the id as schedulerId on a Scheduled ' +
      'trigger in distro-list-routers.',
    operation: {
      name: 'resource-scheduler-run',
      method: 'POST',
      path: '/v1/org/resource-scheduler/{resourceSchedulerId}/run',
    },
    input: v.object({
      resourceSchedulerId: v.pipe(
        v.string('resourceSchedulerId must be a string'),
        v.regex(/^[^\s\\/]+$/, 'resourceSchedulerId must be an id without spaces or slashes'),
        v.description(
          'Scheduler id: trigger.eventTypes[].schedulerId of a Scheduled trigger (distro-list-routers).',
        ),
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
        'Path from the operation index, input from the hosted tool; no body is sent (none documented). Response ' +
        'and permission are undocumented (distro.modify inferred).',
    },
  }),
];
