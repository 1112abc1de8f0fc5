import * as v from 'valibot';
import { defineTool } from '../tool.js';
import { meetingPreview } from './previews.js';
import { isoDateTime, ref, uuid } from './shared.js';

/** Meetings tools: list, export, inspect and change the status of Chili Piper meetings. */

/** A non-empty filter list of opaque ids. */
const idList = (item: string, description: string) =>
  v.pipe(
    v.array(ref(item), `${item}s must be a list`),
    v.minLength(1, `give at least one ${item}, or leave the filter out`),
    v.description(description),
  );

/** A non-empty filter list of UUIDs. */
const uuidList = (item: string, description: string) =>
  v.pipe(
    v.array(uuid(item), `${item}s must be a list`),
    v.minLength(1, `give at least one ${item}, or leave the filter out`),
    v.description(description),
  );

/** `MeetingStatus` filter values (one "l" in Canceled); the spellings cancel and no-show answer with are accepted. */
const statusFilter = v.pipe(
  v.array(
    v.pipe(
      v.picklist(
        ['Active', 'Canceled', 'NoShow', 'Completed'],
        'status must be Active, Canceled, NoShow or Completed',
      ),
      v.metadata({
        aliases: {
          ACTIVE: 'Active',
          CANCELLED: 'Canceled',
          CANCELED: 'Canceled',
          Cancelled: 'Canceled',
          NO_SHOW: 'NoShow',
          NOSHOW: 'NoShow',
          COMPLETED: 'Completed',
        },
      }),
    ),
    'status must be a list',
  ),
  v.minLength(1, 'give at least one status, or leave the filter out'),
  v.description('Any of these (CANCELLED, NO_SHOW also accepted).'),
);

const workspaceIds = idList('workspace id', 'Workspace ids.');
const assigneeIds = idList('assignee user id', 'Assignee (owner) user ids.');
const hostIds = idList('host user id', 'Host user ids.');
const meetingTypeIds = uuidList('meeting type id', 'Meeting type ids (meeting-type-list).');

const meetingId = uuid('meetingId', 'From meeting-list-put.');

/** Ranges up to this many days are split into 7-day requests. */
const LONGEST_RANGE_DAYS = 92;

export const meetingsTools = [
  defineTool({
    name: 'meeting-list-put',
    title: 'List meetings in a time window',
    group: 'meetings',
    description:
      'Lists meetings starting between start and end; up to 92 days (split into 7-day requests here).',
    operation: { name: 'meeting-list-put', method: 'PUT', path: '/v2/org/meetings/meetings' },
    input: v.object({
      start: isoDateTime('From, inclusive'),
      end: isoDateTime('To, exclusive'),
      workspaceIds: v.optional(workspaceIds),
      status: v.optional(statusFilter),
      assigneeIds: v.optional(assigneeIds),
      hostIds: v.optional(hostIds),
      guestEmail: v.optional(
        v.pipe(
          v.string('guestEmail must be a string'),
          v.regex(/^\S+@\S+$/, 'guestEmail must be an email address such as john.doe@acme.com'),
          v.description('Guest email.'),
        ),
      ),
      meetingTypeIds: v.optional(meetingTypeIds),
    }),
    pagination: { style: 'hasMore', in: 'body', defaultPageSize: 100, maxPageSize: 200 },
    view: {
      items: 'data.list',
      id: 'meetingId',
      keep: ['meetingId', 'meetingStatus', 'dateTime', 'hostId', 'hostName', 'primaryGuest', 'crmEventId'],
    },
    span: { start: 'start', end: 'end', maxDays: 7, splitUpTo: LONGEST_RANGE_DAYS },
    safety: { kind: 'read', idempotent: true },
    permission: 'meeting.read',
    response: 'json',
    docs: {
      confidence: 'spec-extended',
      notes:
        'Body is QueryMeetingsRequest from the newest spec copy (1.321.2). The schema says page defaults to 0 and ' +
        'pageSize to 10 (an older text said 200 and page 1); this layer always sends pageSize (default 100). The ' +
        'response data is untyped in the schema: data.list is from prose. Ranges over 7 days are split into 7-day ' +
        'requests by this layer.',
      safetyReason: 'A list sent as PUT; changes nothing.',
    },
  }),
  defineTool({
    name: 'meeting-get',
    title: 'Get one meeting',
    group: 'meetings',
    description:
      'Returns one meeting: meetingStatus, dateTime, host, attendees, bookedAt, workspace, meeting type, CRM event.',
    operation: { name: 'meeting-get', method: 'GET', path: '/v1/org/meetings/get/{meetingId}' },
    input: v.object({ meetingId }),
    view: { record: 'data', omit: ['history'] },
    safety: { kind: 'read', idempotent: true },
    permission: 'meeting.read',
    response: 'json',
    docs: {
      confidence: 'spec',
      notes:
        'The spec types the response as HttpQueryResponse_A {data, hasMore}; the meeting is taken from data.',
      safetyReason: 'A lookup; changes nothing.',
    },
  }),
  defineTool({
    name: 'meeting-export-v2-put',
    title: 'Export meetings as CSV',
    group: 'meetings',
    description:
      'Exports meetings starting between start and end as CSV; up to 92 days (split into 7-day requests here). ' +
      'A large export comes as a summary and a resource link to the whole CSV.',
    operation: { name: 'meeting-export-v2-put', method: 'PUT', path: '/v3/org/meetings/meetings/export' },
    input: v.object({
      start: isoDateTime('From, inclusive'),
      end: isoDateTime('To, exclusive'),
      workspaceIds: v.optional(workspaceIds),
      assigneeIds: v.optional(assigneeIds),
      hostIds: v.optional(hostIds),
      bookerIds: v.optional(idList('booker user id', 'Booker user ids.')),
      meetingTypeIds: v.optional(meetingTypeIds),
      status: v.optional(statusFilter),
    }),
    span: { start: 'start', end: 'end', maxDays: 7, splitUpTo: LONGEST_RANGE_DAYS },
    safety: { kind: 'read', idempotent: true },
    permission: 'meeting.read',
    response: 'csv',
    docs: {
      confidence: 'spec',
      notes:
        'Named v2 but served under /v3. HTTP returns text/csv; the hosted server wraps it as {filename, data}. ' +
        'Body is ExportMeetingsRequest (same in every spec copy). Ranges over 7 days are split and the CSVs joined ' +
        'by this layer.',
      safetyReason: 'An export sent as PUT; changes nothing.',
    },
  }),
  defineTool({
    name: 'meeting-cancel',
    title: 'Cancel a meeting',
    group: 'meetings',
    description:
      'Cancels a meeting: calendar events and the CRM may update, attendees may be emailed, automations may run. ' +
      'Cannot be undone. Returns the meeting (meetingStatus CANCELLED). No tool moves a meeting to another host: ' +
      'cancel and book again.',
    operation: { name: 'meeting-cancel-post', method: 'POST', path: '/v2/org/meetings/cancel/{meetingId}' },
    input: v.object({ meetingId }),
    noBody: true,
    view: { omit: ['attendees', 'history'] },
    safety: { kind: 'destructive', idempotent: true },
    permission: 'meeting.modify',
    response: 'json',
    preview: meetingPreview('meeting-get', 'meetingId'),
    docs: {
      permissionConfidence: 'observed',
      confidence: 'observed',
      externalEffects: true,
      replaces: { name: 'meeting-cancel', method: 'GET', path: '/v1/org/meetings/cancel/{meetingId}' },
      notes:
        'Calls the POST replacement of the deprecated GET seed (whose redirectOnSuccess/redirectOnFailure query ' +
        'parameters only serve email links and are dropped). The replacement has no schema: path id only, no body. ' +
        "Permission is the seed's spec value. idempotent: true by choice: cancelling an already canceled meeting " +
        'leaves the same state (it may answer with an error). meetingId typed as UUID as in the seed spec.',
      safetyReason:
        'Cancels a meeting for good and may email attendees. Idempotent: a repeat leaves it canceled.',
    },
  }),
  defineTool({
    name: 'meeting-noshow',
    title: 'Mark a meeting as no-show',
    group: 'meetings',
    description:
      'Marks a meeting as a no-show; may update the CRM and trigger automations. Cannot be undone through the API. ' +
      'Returns the meeting (meetingStatus NO_SHOW).',
    operation: { name: 'meeting-noshow-post', method: 'POST', path: '/v2/org/meetings/noshow/{meetingId}' },
    input: v.object({ meetingId }),
    noBody: true,
    view: { omit: ['attendees', 'history'] },
    safety: { kind: 'destructive', idempotent: true },
    permission: 'meeting.modify',
    response: 'json',
    preview: meetingPreview('meeting-get', 'meetingId'),
    docs: {
      permissionConfidence: 'observed',
      confidence: 'observed',
      externalEffects: true,
      replaces: { name: 'meeting-noshow', method: 'GET', path: '/v1/org/meetings/noshow/{meetingId}' },
      notes:
        'Calls the POST replacement of the deprecated GET seed; neither has a schema: path id only, no body. ' +
        'Response as seen in the hosted tool text: the meeting with meetingStatus "NO_SHOW" (record filters use ' +
        '"NoShow"). meetingId typed as UUID like the other meeting endpoints.',
      safetyReason:
        'Changes the status for good (no API undo). Idempotent: marking twice leaves the same state.',
    },
  }),
  defineTool({
    name: 'meeting-activity',
    title: 'Get a meeting activity link',
    group: 'meetings',
    description: "URL of the meeting's activity page in the admin app.",
    operation: { name: 'meeting-activity', method: 'GET', path: '/v1/org/meetings/activity/{meetingId}' },
    input: v.object({ meetingId }),
    safety: { kind: 'read', idempotent: true },
    permission: 'meeting.read',
    response: 'json',
    docs: {
      permissionConfidence: 'inferred',
      confidence: 'observed',
      notes:
        'Response format undocumented: assumed JSON; the endpoint may instead answer with a redirect (its error ' +
        'responses declare a Location header). Permission inferred from meeting-get.',
      safetyReason: 'A lookup; changes nothing.',
    },
  }),
];

/** Read tools beyond the hosted server's catalog, from the Edge operation index: where meeting type ids come from. */
export const meetingTypeTools = [
  defineTool({
    name: 'meeting-type-list',
    title: 'List meeting types',
    group: 'meetings',
    description: 'Lists meeting types (id, name, duration, workspace): the meetingTypeIds other tools take.',
    operation: { name: 'meeting-type-list', method: 'GET', path: '/v1/org/meeting-types/list' },
    input: v.object({
      workspaceId: v.optional(ref('workspaceId', 'From workspace-list; omit for all.')),
    }),
    view: { items: '', keep: ['id', 'name', 'workspaceId', 'duration', 'status'] },
    safety: { kind: 'read', idempotent: true },
    permission: 'meeting-type.read',
    response: 'json',
    docs: {
      confidence: 'spec',
      extra: true,
      notes:
        'Not among the hosted server tools: added from the operation index. The response is a bare array (MeetingType).',
      safetyReason: 'A list; changes nothing.',
    },
  }),
];
