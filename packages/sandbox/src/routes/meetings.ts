import * as v from 'valibot';
import { invalid, notFound } from '../http/errors.js';
import type { Ctx, Route } from '../http/router.js';
import { DateTime, Id, parseBody } from '../http/validate.js';
import type { Tenant } from '../store.js';
import type { Meeting } from '../types.js';
import { DAY, iso } from '../util/time.js';
import { toCsv } from './csv.js';
import { activityLink, getAction, postAction } from './meeting-actions.js';
import { effectiveStatus, meetingDetail, meetingListItem } from './views.js';

const Status = v.picklist(['Active', 'Canceled', 'NoShow', 'Completed']);
const IdList = v.optional(v.pipe(v.array(Id), v.minLength(1)));
const Filters = {
  start: DateTime,
  end: DateTime,
  workspaceIds: IdList,
  status: v.optional(v.pipe(v.array(Status), v.minLength(1))),
  assigneeIds: IdList,
  hostIds: IdList,
  bookerIds: IdList,
  meetingTypeIds: IdList,
  guestEmail: v.optional(v.string()),
};
const ListSchema = v.object({
  ...Filters,
  page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0)), 0),
  pageSize: v.optional(
    v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(1000, 'pageSize must be at most 1000')),
    200,
  ),
});
const ExportSchema = v.object(Filters);
type FilterInput = v.InferOutput<typeof ExportSchema>;

/** A predicate for the filters of a list/export request (7-day span enforced). */
function matcher(f: FilterInput, now: number): (m: Meeting) => boolean {
  if (f.end <= f.start) throw invalid('body (start must be before end)');
  if (f.end - f.start > 7 * DAY) throw invalid('body (span between start and end must be at most 7 days)');
  const guest = f.guestEmail?.toLowerCase();
  return (m) =>
    (!f.workspaceIds || f.workspaceIds.includes(m.workspaceId)) &&
    (!f.status || f.status.includes(effectiveStatus(m, now))) &&
    (!f.assigneeIds || m.assigneeIds.some((a) => f.assigneeIds?.includes(a))) &&
    (!f.hostIds || f.hostIds.includes(m.hostId)) &&
    (!f.bookerIds || (m.bookerId !== undefined && f.bookerIds.includes(m.bookerId))) &&
    (!f.meetingTypeIds || f.meetingTypeIds.includes(m.meetingTypeId)) &&
    (!guest || m.guestEmail.toLowerCase() === guest);
}

/** Meetings of the window matching the filters. */
export function queryMeetings(t: Tenant, f: FilterInput, now: number): Meeting[] {
  return t.meetings.range(f.start, f.end).filter(matcher(f, now));
}

/** One page of matches, scanning only as far as needed to know whether more exist. */
function queryPage(t: Tenant, f: FilterInput, now: number, page: number, pageSize: number) {
  const match = matcher(f, now);
  const skip = page * pageSize;
  const items: Meeting[] = [];
  let seen = 0;
  let more = false;
  t.meetings.scan(f.start, f.end, (m) => {
    if (!match(m)) return true;
    if (seen++ < skip) return true;
    if (items.length === pageSize) {
      more = true;
      return false;
    }
    items.push(m);
    return true;
  });
  return { items, more };
}

/** Looks a meeting up by id in this tenant (404 otherwise). */
export function getMeeting(t: Tenant, id: string): Meeting {
  const m = t.meetings.byId.get(id);
  if (!m) throw notFound('Meeting', id);
  return m;
}

const byId = (ctx: Ctx): Meeting => getMeeting(ctx.tenant, ctx.params.meetingId ?? '');

// `meetingId` is `format: uuid` in the spec of meeting-get and meeting-cancel; the other meeting operations carry
// the same id (no spec describes them), so they refuse a malformed one the same way.

export const meetingRoutes: Route[] = [
  {
    name: 'meeting-list-put',
    method: 'PUT',
    path: '/v2/org/meetings/meetings',
    permissions: ['meeting.read'],
    handler: ({ tenant, body, now }) => {
      const b = parseBody(ListSchema, body);
      const { items, more } = queryPage(tenant, b, now, b.page, b.pageSize);
      const list = items.map((m) => meetingListItem(m, tenant, now));
      return { json: { data: { list }, hasMore: more ? 'Yes' : 'No', hasMoreItems: more } };
    },
  },
  {
    name: 'meeting-get',
    method: 'GET',
    path: '/v1/org/meetings/get/{meetingId}',
    permissions: ['meeting.read'],
    uuidParams: ['meetingId'],
    handler: (ctx) => ({ json: { data: meetingDetail(byId(ctx), ctx.tenant, ctx.now), hasMore: 'No' } }),
  },
  {
    name: 'meeting-export-v2-put',
    method: 'PUT',
    path: '/v3/org/meetings/meetings/export',
    permissions: ['meeting.read'],
    handler: ({ tenant, body, now }) => {
      const b = parseBody(ExportSchema, body);
      // The spec requires a Content-Disposition header; its value is undocumented. The MCP layer names the file
      // `meetings-export-….csv`, so the sandbox sends an attachment named after the window's UTC dates.
      const day = (ms: number): string => iso(ms).slice(0, 10);
      return {
        text: toCsv(queryMeetings(tenant, b, now), tenant, now),
        contentType: 'text/csv; charset=utf-8',
        headers: {
          'Content-Disposition': `attachment; filename="meetings-export-${day(b.start)}_${day(b.end)}.csv"`,
        },
      };
    },
  },
  {
    name: 'meeting-cancel-post',
    method: 'POST',
    path: '/v2/org/meetings/cancel/{meetingId}',
    permissions: ['meeting.modify'],
    uuidParams: ['meetingId'],
    handler: (ctx) => postAction(byId(ctx), 'cancel', ctx),
  },
  {
    name: 'meeting-noshow-post',
    method: 'POST',
    path: '/v2/org/meetings/noshow/{meetingId}',
    permissions: ['meeting.modify'],
    uuidParams: ['meetingId'],
    handler: (ctx) => postAction(byId(ctx), 'noshow', ctx),
  },
  {
    name: 'meeting-cancel',
    method: 'GET',
    path: '/v1/org/meetings/cancel/{meetingId}',
    permissions: ['meeting.modify'],
    uuidParams: ['meetingId'],
    handler: (ctx) => getAction(ctx.tenant.meetings.byId.get(ctx.params.meetingId ?? ''), 'cancel', ctx),
  },
  {
    name: 'meeting-noshow',
    method: 'GET',
    path: '/v1/org/meetings/noshow/{meetingId}',
    permissions: ['meeting.modify'],
    uuidParams: ['meetingId'],
    handler: (ctx) => getAction(ctx.tenant.meetings.byId.get(ctx.params.meetingId ?? ''), 'noshow', ctx),
  },
  {
    name: 'meeting-activity',
    method: 'GET',
    path: '/v1/org/meetings/activity/{meetingId}',
    permissions: ['meeting.read'],
    uuidParams: ['meetingId'],
    handler: (ctx) => activityLink(byId(ctx), ctx),
  },
];
