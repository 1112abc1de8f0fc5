import * as v from 'valibot';
import { defineTool } from '../tool.js';
import { interval, isoDateTime, ref } from './shared.js';

/** Handoff tools: a rep hands a lead over to a colleague's calendar in two phases. */

const routerId = v.optional(
  ref(
    'body.routerId',
    'Only evaluate this handoff router (from handoff-router-list); omit to try every router.',
  ),
);

/** handoff-init body: find the lead by CRM id or by guest email. */
const initBody = v.pipe(
  v.variant(
    'type',
    [
      v.object({
        type: v.pipe(v.literal('CrmRequest'), v.description('Identify the lead by its CRM record.')),
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
    'Who to hand off and when: {type: "CrmRequest", id: {type: "LeadId" | "ContactId", value}, interval, routerId?} ' +
      'or {type: "GuestEmailRequest", guestEmail, interval, routerId?}.',
  ),
);

export const handoffTools = [
  defineTool({
    name: 'handoff-init',
    title: 'Start a handoff',
    group: 'handoff',
    description:
      'Phase 1 of a handoff: a rep (userId, the booker) in a workspace submits a lead by CRM id or email, and the ' +
      'handoff routers answer with routingId, and per router a routerId with path results (pathId, assignees, ' +
      'startTimes). Books nothing. Then call handoff-schedule with routingId, routerId, pathId and the same userId, ' +
      'passing one startTime unchanged; the session is short-lived and single-use, so restart here after a failure.',
    operation: {
      name: 'handoff-init',
      method: 'POST',
      path: '/v1/org/handoff/workspace/{workspaceId}/booker/{userId}/init-simple',
    },
    input: v.object({
      workspaceId: ref('workspaceId', 'Workspace the handoff runs in.'),
      userId: ref('userId', 'User id of the rep doing the handoff (the booker).'),
      body: initBody,
    }),
    fields: { body: { in: 'body', root: true } },
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
        'draft interval shape {start, end} is superseded by {startsAt, duration}.',
    },
  }),
  defineTool({
    name: 'handoff-schedule',
    title: 'Book a handoff slot',
    group: 'handoff',
    description:
      'Phase 2 of a handoff: books the meeting at body.startTime on the chosen router path of the session from ' +
      'handoff-init (routingId, routerId, pathId, and the same booker userId). Creates calendar events and sends ' +
      'invites at once. Send a startTime from handoff-init unchanged; sessions are single-use, so after a failure ' +
      'restart with handoff-init.',
    operation: {
      name: 'handoff-schedule',
      method: 'POST',
      path: '/v1/org/handoff/routing/{routingId}/router/{routerId}/path/{pathId}/booker/{userId}/schedule-simple',
    },
    input: v.object({
      routingId: ref('routingId', 'Session id (routingId) returned by handoff-init.'),
      routerId: ref('routerId', 'routers[].routerId from handoff-init.'),
      pathId: ref('pathId', 'routers[].pathResults[].pathId from handoff-init.'),
      userId: ref('userId', 'User id of the rep doing the handoff (same as in handoff-init).'),
      body: v.pipe(
        v.object({
          startTime: isoDateTime('Chosen slot start, exactly as returned by handoff-init'),
          location: v.optional(
            v.pipe(
              v.union(
                [v.string(), v.record(v.string(), v.unknown())],
                'body.location must be a string or an object',
              ),
              v.description("Meeting location choice, from the path's locations (shape undocumented)."),
            ),
          ),
          guestTimezone: v.optional(
            v.pipe(
              v.string('body.guestTimezone must be a string'),
              v.minLength(1, 'body.guestTimezone must be an IANA time zone such as America/New_York'),
              v.description('Guest time zone (IANA name, e.g. America/New_York).'),
            ),
          ),
        }),
        v.description('Booking request: {startTime, location?, guestTimezone?}.'),
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
    },
  }),
];
