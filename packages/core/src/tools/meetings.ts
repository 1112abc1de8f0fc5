import * as v from 'valibot';
import { defineTool } from '../tool.js';
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

/** `MeetingStatus` filter values (one "l" in Canceled). */
const statusFilter = v.pipe(
  v.array(
    v.pipe(
      v.picklist(
        ['Active', 'Canceled', 'NoShow', 'Completed'],
        'status must be Active, Canceled, NoShow or Completed',
      ),
      v.description('Meeting status: Active, Canceled, NoShow or Completed.'),
    ),
    'status must be a list',
  ),
  v.minLength(1, 'give at least one status, or leave the filter out'),
  v.description(
    'Only meetings in any of these statuses (Active, Canceled, NoShow, Completed). Omit for all.',
  ),
);

const workspaceIds = idList(
  'workspace id',
  'Only meetings in any of these workspaces. Omit for every workspace the key can see.',
);
const assigneeIds = idList('assignee user id', 'Only meetings assigned to (owned by) any of these users.');
const hostIds = idList('host user id', 'Only meetings hosted by any of these users.');
const meetingTypeIds = uuidList(
  'meeting type id',
  'Only meetings created from any of these meeting types (UUIDs).',
);

const meetingId = uuid('meetingId', 'Meeting id (UUID), as returned by meeting-list-put.');

export const meetingsTools = [
  defineTool({
    name: 'meeting-list-put',
    title: 'List meetings in a time window',
    group: 'meetings',
    description:
      'Lists meetings whose time falls between start and end, optionally narrowed by workspace, status, assignee, ' +
      'host, guest email or meeting type. Changes nothing. The window may span at most 7 days: split longer ' +
      'ranges. Items are in data.list; while the response says hasMore: "Yes", ask again with pagination.page + 1 ' +
      '(pages are 0-based; the API pages by 200 unless pagination.pageSize says otherwise).',
    operation: { name: 'meeting-list-put', method: 'PUT', path: '/v2/org/meetings/meetings' },
    input: v.object({
      start: isoDateTime('Window start, inclusive'),
      end: isoDateTime('Window end, exclusive; at most 7 days after start'),
      workspaceIds: v.optional(workspaceIds),
      status: v.optional(statusFilter),
      assigneeIds: v.optional(assigneeIds),
      hostIds: v.optional(hostIds),
      guestEmail: v.optional(
        v.pipe(
          v.string('guestEmail must be a string'),
          v.regex(/^\S+@\S+$/, 'guestEmail must be an email address such as john.doe@acme.com'),
          v.description('Only meetings whose guest (booker) has this email address.'),
        ),
      ),
      meetingTypeIds: v.optional(meetingTypeIds),
    }),
    pagination: { style: 'hasMore', in: 'body', items: 'data.list', defaultPageSize: 200 },
    span: { start: 'start', end: 'end', maxDays: 7 },
    safety: { kind: 'read', idempotent: true },
    permission: 'meeting.read',
    response: 'json',
    docs: {
      confidence: 'spec',
      notes:
        'Body is QueryMeetingsRequest from the newest spec copy (1.321.2), which adds assigneeIds, hostIds, guestEmail ' +
        'and meetingTypeIds to the 1.230.0 shape. The schema gives no pageSize default and no maximum; the ' +
        'operation text says pageSize defaults to 200 (taken here) and page to 1, and a {results, pagination} response: the schema ' +
        '(0-based page, {data, hasMore, hasMoreItems}) wins.',
    },
  }),
  defineTool({
    name: 'meeting-get',
    title: 'Get one meeting',
    group: 'meetings',
    description:
      'Returns the full record of one meeting by its id: meetingStatus, bookedAt, attendees, activities (the ' +
      'scheduled time is an activity entry, not a top-level field) and source URL. Changes nothing. The record ' +
      'comes wrapped in data, and its own key is id rather than meetingId.',
    operation: { name: 'meeting-get', method: 'GET', path: '/v1/org/meetings/get/{meetingId}' },
    input: v.object({ meetingId }),
    safety: { kind: 'read', idempotent: true },
    permission: 'meeting.read',
    response: 'json',
    docs: {
      confidence: 'spec',
      notes:
        'The spec types the response as HttpQueryResponse_A {data, hasMore}; the meeting is assumed to be in data.',
    },
  }),
  defineTool({
    name: 'meeting-export-v2-put',
    title: 'Export meetings as CSV',
    group: 'meetings',
    description:
      'Exports the meetings between start and end as one CSV text (columns include Meeting ID and bookedAt), ' +
      'optionally narrowed by workspace, assignee, host, booker, meeting type or status. Changes nothing. Not ' +
      'paged; the window may span at most 7 days, so export longer periods one window at a time.',
    operation: { name: 'meeting-export-v2-put', method: 'PUT', path: '/v3/org/meetings/meetings/export' },
    input: v.object({
      start: isoDateTime('Window start, inclusive'),
      end: isoDateTime('Window end, exclusive; at most 7 days after start'),
      workspaceIds: v.optional(workspaceIds),
      assigneeIds: v.optional(assigneeIds),
      hostIds: v.optional(hostIds),
      bookerIds: v.optional(idList('booker user id', 'Only meetings booked by any of these users.')),
      meetingTypeIds: v.optional(meetingTypeIds),
      status: v.optional(statusFilter),
    }),
    span: { start: 'start', end: 'end', maxDays: 7 },
    safety: { kind: 'read', idempotent: true },
    permission: 'meeting.read',
    response: 'csv',
    docs: {
      confidence: 'spec',
      notes:
        'Named v2 but served under /v3. HTTP returns text/csv; the hosted server wraps it as {filename, data}. ' +
        'Body is ExportMeetingsRequest (same in every spec copy).',
    },
  }),
  defineTool({
    name: 'meeting-cancel',
    title: 'Cancel a meeting',
    group: 'meetings',
    description:
      'Cancels one meeting by id. This cannot be undone: the meeting becomes canceled, calendar events and the ' +
      'CRM may be updated, attendees may be emailed and automations may run. Check the meeting with meeting-get ' +
      'first; the answer is the updated meeting.',
    operation: { name: 'meeting-cancel-post', method: 'POST', path: '/v2/org/meetings/cancel/{meetingId}' },
    input: v.object({ meetingId }),
    noBody: true,
    safety: { kind: 'destructive', idempotent: true },
    permission: 'meeting.modify',
    response: 'json',
    docs: {
      replaces: { name: 'meeting-cancel', method: 'GET', path: '/v1/org/meetings/cancel/{meetingId}' },
      externalEffects: true,
      permissionConfidence: 'observed',
      confidence: 'observed',
      notes:
        'Calls the POST replacement of the deprecated GET seed (whose redirectOnSuccess/redirectOnFailure query ' +
        'parameters only serve email links and are dropped). The replacement has no schema: path id only, no body. ' +
        "Permission is the seed's spec value. idempotent: true by choice: cancelling an already canceled meeting " +
        'leaves the same state (it may answer with an error); re-sent notifications on a repeat are not expected but ' +
        'unconfirmed. meetingId typed as UUID as in the seed spec.',
    },
  }),
  defineTool({
    name: 'meeting-noshow',
    title: 'Mark a meeting as no-show',
    group: 'meetings',
    description:
      'Marks one meeting as a no-show by id. This cannot be undone through the API, and it may update the CRM ' +
      'and trigger automations. The answer is the updated meeting.',
    operation: { name: 'meeting-noshow-post', method: 'POST', path: '/v2/org/meetings/noshow/{meetingId}' },
    input: v.object({ meetingId }),
    noBody: true,
    safety: { kind: 'destructive', idempotent: true },
    permission: 'meeting.modify',
    response: 'json',
    docs: {
      replaces: { name: 'meeting-noshow', method: 'GET', path: '/v1/org/meetings/noshow/{meetingId}' },
      externalEffects: true,
      permissionConfidence: 'observed',
      confidence: 'observed',
      notes:
        'Calls the POST replacement of the deprecated GET seed; neither has a schema: path id only, no body. ' +
        'Response as seen in the hosted tool text: the meeting with meetingStatus "NO_SHOW" (record filters use ' +
        '"NoShow"). idempotent: true by choice (marking twice leaves the same state). meetingId typed as UUID like ' +
        'the other meeting endpoints.',
    },
  }),
  defineTool({
    name: 'meeting-activity',
    title: 'Get a meeting activity link',
    group: 'meetings',
    description:
      "Returns the link to one meeting's activity page in the Chili Piper admin app, for a person to open. " +
      'Changes nothing. To build admin URLs yourself, tenant-get gives the subdomain.',
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
    },
  }),
];
