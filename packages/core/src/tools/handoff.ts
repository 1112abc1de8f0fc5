import * as v from 'valibot';
import { defineTool } from '../tool.js';
import { interval, isoDateTime, ref } from './shared.js';

/** Handoff tools: a rep hands a lead over to a colleague's calendar in two phases. */

const routerId = v.optional(
  ref(
    'body.routerId',
    'Only this handoff router (a routerId from an earlier handoff-init); omit to try all.',
  ),
);

/** handoff-init body: find the lead by CRM id or by guest email. */
const initBody = v.pipe(
  v.variant(
    'type',
    [
      v.object({
        type: v.pipe(v.literal('CrmRequest'), v.description('By CRM record.')),
        id: v.pipe(
          v.object({
            type: v.pipe(
              v.picklist(['LeadId', 'ContactId'], 'body.id.type must be "LeadId" or "ContactId"'),
              v.description('Kind of CRM record: LeadId or ContactId.'),
            ),
            value: v.pipe(
              v.string('body.id.value must be a string'),
              v.minLength(1, 'body.id.value must be the CRM record id, e.g. a Salesforce 00Q… id'),
              v.description('The CRM record id.'),
            ),
          }),
          v.description('CRM record: {type: "LeadId" | "ContactId", value}.'),
        ),
        interval,
        routerId,
      }),
      v.object({
        type: v.pipe(v.literal('GuestEmailRequest'), v.description('Identify the lead by email address.')),
        guestEmail: v.pipe(
          v.string('body.guestEmail must be a string'),
          v.regex(/^\S+@\S+$/, 'body.guestEmail must be an email address such as john.doe@acme.com'),
          v.description('Email of the lead being handed off.'),
        ),
        interval,
        routerId,
      }),
    ],
    'body.type must be "CrmRequest" or "GuestEmailRequest"',
  ),
  v.description(
    'The lead and window: {type:"CrmRequest", id:{type:"LeadId"|"ContactId", value}, interval, routerId?} or ' +
      '{type:"GuestEmailRequest", guestEmail, interval, routerId?}; interval {startsAt, duration}.',
  ),
);

export const handoffTools = [
  defineTool({
    name: 'handoff-init',
    title: 'Start a handoff',
    group: 'handoff',
    description:
      'Handoff step 1: a rep submits a lead by CRM id or email; returns routingId and per router a routerId with ' +
      'paths (pathId, startTimes). Books nothing. Then handoff-schedule with those ids and a startTime unchanged.',
    operation: {
      name: 'handoff-init',
      method: 'POST',
      path: '/v1/org/handoff/workspace/{workspaceId}/booker/{userId}/init-simple',
    },
    input: v.object({
      workspaceId: ref('workspaceId', 'From workspace-list.'),
      userId: ref('userId', 'The rep handing off (from user-find).'),
      body: initBody,
    }),
    fields: { body: { in: 'body', root: true } },
    view: { omit: ['routers[].pathResults[].startTimes[].attendees[].email'] },
    safety: { kind: 'read', idempotent: true },
    permission: 'handoff.schedule',
    response: 'json',
    docs: {
      flow: {
        role: 'start',
        name: 'handoff',
        yields: ['routingId', 'routers[].routerId', 'routers[].pathResults[].pathId'],
        next: 'handoff-schedule',
      },
      permissionConfidence: 'observed',
      confidence: 'observed',
      notes:
        "No schema: body from Chili Piper's onboarding handoff.md, response from a draft skill. Fork paths carry " +
        'live and later sub-paths; live ones have no startTimes. Classed as a retry-safe read: it only opens a ' +
        'short-lived session, and a retry at worst leaves an unused one; nothing is booked or sent. The older ' +
        'draft interval shape {start, end} is superseded by {startsAt, duration}. No tool lists handoff routers ' +
        '(the operation index has none for them); routerIds come from a first handoff-init.',
      safetyReason: 'Opens a short-lived routing session; nothing is booked or sent. Retry-safe.',
    },
  }),
  defineTool({
    name: 'handoff-schedule',
    title: 'Book a handoff slot',
    group: 'handoff',
    description:
      'Handoff step 2: books body.startTime on a path of the handoff-init session (routingId, routerId, pathId, ' +
      'same userId); creates the meeting and sends invites. Sessions are single-use.',
    operation: {
      name: 'handoff-schedule',
      method: 'POST',
      path: '/v1/org/handoff/routing/{routingId}/router/{routerId}/path/{pathId}/booker/{userId}/schedule-simple',
    },
    input: v.object({
      routingId: ref('routingId', 'From handoff-init.'),
      routerId: ref('routerId', 'routers[].routerId from handoff-init.'),
      pathId: ref('pathId', 'routers[].pathResults[].pathId from handoff-init.'),
      userId: ref('userId', 'The rep, as in handoff-init.'),
      body: v.pipe(
        v.object({
          startTime: isoDateTime('A startTime from handoff-init, unchanged'),
          location: v.optional(
            v.pipe(
              v.union(
                [v.string(), v.record(v.string(), v.unknown())],
                'body.location must be a string or an object',
              ),
              v.description("Location choice from the path's locations."),
            ),
          ),
          guestTimezone: v.optional(
            v.pipe(
              v.string('body.guestTimezone must be a string'),
              v.minLength(1, 'body.guestTimezone must be an IANA time zone such as America/New_York'),
              v.description('IANA zone.'),
            ),
          ),
        }),
        v.description('{startTime, location?, guestTimezone?}.'),
      ),
    }),
    fields: { body: { in: 'body', root: true } },
    safety: { kind: 'write', idempotent: false },
    permission: 'handoff.schedule',
    response: 'json',
    docs: {
      flow: {
        role: 'finish',
        name: 'handoff',
        consumes: ['routingId', 'routerId', 'pathId'],
        after: 'handoff-init',
      },
      externalEffects: true,
      permissionConfidence: 'observed',
      confidence: 'observed',
      notes:
        'No schema: body and response ({meetingTypeId, host, selectedAssignees, scheduleMeetingResult}) from a ' +
        'draft skill. location is undocumented, so any string or object is accepted. The alternative phase 2 ' +
        'handoff-select-simple (suggested times / single-use link) is not exposed.',
      safetyReason:
        'Additive: creates a meeting and sends invites. Not idempotent (a repeat could book twice).',
    },
  }),
];
