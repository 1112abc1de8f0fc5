import * as v from 'valibot';
import { defineTool } from '../tool.js';
import { interval, isoDateTime, meetingTypeOverride, ref, uuid } from './shared.js';

/** Availability tools: free meeting slots for any host/attendee mix. */

const required = v.pipe(
  v.boolean('required must be true or false (it is mandatory on every attendee)'),
  v.description('true: must be free; false: invited regardless.'),
);

/** `AvailabilityExpectedHost`: who hosts the meeting. */
const expectedHost = v.pipe(
  v.variant(
    'type',
    [
      v.object({
        type: v.pipe(v.literal('User'), v.description('A fixed host user.')),
        userId: ref('expectedHost.userId', 'Host user id.'),
      }),
      v.object({
        type: v.pipe(
          v.literal('AssigneeFromDistribution'),
          v.description('The host is whoever the distribution assigns.'),
        ),
        distributionId: ref('expectedHost.distributionId', 'Distribution that picks the host.'),
      }),
    ],
    'expectedHost.type must be "User" or "AssigneeFromDistribution"',
  ),
  v.description('Host: {type:"User", userId} or {type:"AssigneeFromDistribution", distributionId}.'),
);

/** `RequestAttendee`: one attendee to check; `required` is mandatory on every variant. */
const attendee = v.pipe(
  v.variant(
    'type',
    [
      v.object({
        type: v.pipe(v.literal('ManuallyAssigned'), v.description('A specific user.')),
        userId: ref('attendee.userId', 'Attendee user id.'),
        required,
      }),
      v.object({
        type: v.pipe(v.literal('DistributionAssignee'), v.description('Whoever a distribution assigns.')),
        distributionId: ref('attendee.distributionId', 'Distribution that picks the attendee.'),
        required,
        userIds: v.optional(
          v.pipe(
            v.array(ref('attendee.userIds item', 'Eligible user id.'), 'userIds must be a list of user ids'),
            v.minLength(
              1,
              'userIds needs at least one user id, or leave it out for every distribution member',
            ),
            v.description('Ranked eligible users; omit to consider every member of the distribution.'),
          ),
        ),
      }),
      v.object({
        type: v.pipe(
          v.literal('AssignedViaTeam'),
          v.description('A user taking part as a member of a team.'),
        ),
        userId: ref('attendee.userId', 'Attendee user id.'),
        teamId: ref('attendee.teamId', 'Team through which the user attends.'),
        required,
      }),
      v.object({
        type: v.pipe(v.literal('AdditionalAttendee'), v.description('An extra user invited to the meeting.')),
        userId: ref('attendee.userId', 'Attendee user id.'),
        required,
      }),
    ],
    'attendee type must be ManuallyAssigned, DistributionAssignee, AssignedViaTeam or AdditionalAttendee',
  ),
  v.description(
    'One attendee: {type: "ManuallyAssigned", userId, required} | {type: "DistributionAssignee", distributionId, ' +
      'required, userIds?} | {type: "AssignedViaTeam", userId, teamId, required} | {type: "AdditionalAttendee", ' +
      'userId, required}.',
  ),
);

export const availabilityTools = [
  defineTool({
    name: 'availability-slots',
    title: 'Find free meeting slots',
    group: 'availability',
    description:
      'Finds start times in interval when the host and every required attendee are free (fixed users, ' +
      'distribution picks, team members). Books nothing.',
    operation: { name: 'availability-slots-v2', method: 'PUT', path: '/v1/org/availability/slots-v2' },
    input: v.object({
      expectedHost,
      attendees: v.pipe(
        v.array(attendee, 'attendees must be a list'),
        v.minLength(1, 'attendees needs at least one attendee'),
        v.description(
          '{type, required, …}: ManuallyAssigned {userId} | DistributionAssignee {distributionId, userIds?} | ' +
            'AssignedViaTeam {userId, teamId} | AdditionalAttendee {userId}; required: must be free.',
        ),
      ),
      interval,
      meetingTypeRef: v.optional(
        v.pipe(
          v.object({
            id: uuid('meetingTypeRef.id', 'From meeting-type-list.'),
            timestamp: isoDateTime('meetingTypeRef.timestamp'),
          }),
          v.description('{id, timestamp (now)}: the meeting type whose length applies.'),
        ),
      ),
      meetingTypeOverride: v.optional(meetingTypeOverride),
    }),
    pagination: { style: 'page', in: 'body', defaultPageSize: 100, maxPageSize: 500 },
    view: { items: 'results', keep: ['startTime', 'attendees[].userId'] },
    safety: { kind: 'read', idempotent: true },
    permission: 'availability.read',
    response: 'json',
    docs: {
      replaces: { name: 'availability-slots', method: 'POST', path: '/v1/org/availability/slots' },
      permissionConfidence: 'observed',
      confidence: 'observed',
      notes:
        'Calls availability-slots-v2 instead of the deprecated v1 seed (reported removed from the hosted server). ' +
        'No OpenAPI covers v2: the input is typed from v1 MeetingStartTimesRequest (expectedHost, attendees, ' +
        'interval, meetingTypeRef, meetingTypeOverride), plus body page/pageSize (max 500) per Chili Piper prose. ' +
        'v1 requires meetingTypeRef and a newer third-party catalog marks it required for v2 too; it is optional ' +
        'here because the v2 contract is unconfirmed (meetingTypeOverride.meetingDurationOverride also sets the ' +
        'length). Paged {results, total, page, pageSize} as the catalog says for v2. The permission is the v1 spec value.',
      safetyReason: 'A search sent as PUT; changes nothing and books nothing.',
    },
  }),
];
