import * as v from 'valibot';
import { defineTool } from '../tool.js';
import { interval, isoDateTime, meetingTypeOverride, ref, uuid } from './shared.js';

/** Scheduling-link tools: browse booking links, then book through one in two phases. */

/** A link slug (spec pattern `[-0-9a-z_]+`). */
const slug = (name: string, description: string = name) =>
  v.pipe(
    v.string(`${name} must be a string`),
    v.regex(/^[-0-9a-z_]+$/, `${name} must be a slug of lowercase letters, digits, hyphens and underscores`),
    v.description(description),
  );

const email = (name: string, description: string) =>
  v.pipe(
    v.string(`${name} must be a string`),
    v.regex(/^\S+@\S+$/, `${name} must be an email address such as john.doe@acme.com`),
    v.description(description),
  );

const timezone = (name: string, description: string) =>
  v.pipe(
    v.string(`${name} must be a string`),
    v.minLength(1, `${name} must be an IANA time zone such as America/New_York`),
    v.description(description),
  );

/** `filter*` arrays of the scheduling-link list requests: optional, at least one item when given. */
const filterList = <T extends v.GenericSchema<unknown, string>>(item: T, name: string, description: string) =>
  v.optional(
    v.pipe(
      v.array(item, `${name} must be a list`),
      v.minLength(1, `${name} needs at least one item, or leave the filter out`),
      v.description(description),
    ),
  );

const filterWorkspaceIds = filterList(ref('workspace id'), 'filterWorkspaceIds', 'Workspace ids.');
const filterLinkSlugs = filterList(slug('link slug'), 'filterLinkSlugs', 'Link slugs.');
const filterMeetingTypeId = filterList(uuid('meeting type id'), 'filterMeetingTypeId', 'Meeting type ids.');
const filterDistributionIds = filterList(
  ref('distribution id'),
  'filterDistributionIds',
  'Distribution ids.',
);

const listPermission = 'scheduling-links.read';

/** A link as list items hold it: ids later tools take, and what a person reads. */
const linkView = {
  items: 'links',
  keep: ['linkId', 'name', 'slug', 'bookingUrl', 'meetingTypeIds', 'distributionId', 'members[].name'],
} as const;

/** The docs of the admin link lists, which differ only in the kind of link. */
const listDocs = { confidence: 'spec', safetyReason: 'A list sent as POST; changes nothing.' } as const;

export const schedulingTools = [
  defineTool({
    name: 'scheduling-link-list-personal',
    title: "List a user's personal links",
    group: 'scheduling',
    description: "Lists one user's personal booking links (slug, meeting type, booking URL).",
    operation: {
      name: 'scheduling-link-list-personal-v2',
      method: 'GET',
      path: '/v1/org/schedulingLinks/list-personal-v2/{userId}',
    },
    input: v.object({ userId: ref('userId', 'From user-find.') }),
    safety: { kind: 'read', idempotent: true },
    permission: 'user.read',
    response: 'json',
    docs: {
      replaces: {
        name: 'scheduling-link-list-personal',
        method: 'GET',
        path: '/v1/org/schedulingLinks/list-personal/{userId}',
      },
      permissionConfidence: 'inferred',
      confidence: 'observed',
      notes:
        'Calls the v2 replacement of the deprecated seed. v2 has no schema: the seed answered with a bare array ' +
        '[{slug, meetingTypeId, meetingTypeName, bookingUrl}]; the v2 response shape is unconfirmed. Permission is ' +
        "the seed's spec value (user.read), assumed unchanged.",
      safetyReason: 'A list; changes nothing.',
    },
  }),
  defineTool({
    name: 'scheduling-link-list-round-robin',
    title: 'List round-robin links',
    group: 'scheduling',
    description:
      'Lists round-robin booking links, which rotate bookings across the members of distributions.',
    operation: {
      name: 'scheduling-link-list-round-robin',
      method: 'POST',
      path: '/v1/org/schedulingLinks/list-round-robin',
    },
    input: v.object({ filterWorkspaceIds, filterLinkSlugs, filterMeetingTypeId, filterDistributionIds }),
    view: linkView,
    safety: { kind: 'read', idempotent: true },
    permission: listPermission,
    response: 'json',
    docs: listDocs,
  }),
  defineTool({
    name: 'scheduling-link-list-admin-one-on-one',
    title: 'List admin one-on-one links',
    group: 'scheduling',
    description: 'Lists admin-managed one-on-one booking links (one fixed host each).',
    operation: {
      name: 'scheduling-link-list-admin-one-on-one',
      method: 'POST',
      path: '/v1/org/schedulingLinks/list-admin-one-on-one',
    },
    input: v.object({ filterWorkspaceIds, filterLinkSlugs, filterMeetingTypeId }),
    view: linkView,
    safety: { kind: 'read', idempotent: true },
    permission: listPermission,
    response: 'json',
    docs: listDocs,
  }),
  defineTool({
    name: 'scheduling-link-list-group',
    title: 'List group links',
    group: 'scheduling',
    description: 'Lists group booking links (times when every required attendee is free).',
    operation: {
      name: 'scheduling-link-list-group',
      method: 'POST',
      path: '/v1/org/schedulingLinks/list-group',
    },
    input: v.object({ filterWorkspaceIds, filterLinkSlugs, filterMeetingTypeId }),
    view: linkView,
    safety: { kind: 'read', idempotent: true },
    permission: listPermission,
    response: 'json',
    docs: listDocs,
  }),
  defineTool({
    name: 'scheduling-link-list-ownership',
    title: 'List ownership links',
    group: 'scheduling',
    description:
      "Lists ownership booking links, which book the guest's CRM owner (booking needs guestEmail).",
    operation: {
      name: 'scheduling-link-list-ownership',
      method: 'POST',
      path: '/v1/org/schedulingLinks/list-ownership',
    },
    input: v.object({ filterWorkspaceIds, filterLinkSlugs, filterMeetingTypeId, filterDistributionIds }),
    view: linkView,
    safety: { kind: 'read', idempotent: true },
    permission: listPermission,
    response: 'json',
    docs: listDocs,
  }),
  defineTool({
    name: 'scheduling-link-init',
    title: 'Start booking through a link',
    group: 'scheduling',
    description:
      'Booking step 1: opens a short-lived session for a link; returns routeId, free startTimes, form fields. ' +
      'Books nothing. Then scheduling-link-schedule with routeId and a startTime unchanged.',
    operation: { name: 'scheduling-link-init', method: 'POST', path: '/v1/org/schedulingLinks/init-simple' },
    input: v.object({
      link: v.pipe(
        v.union(
          [
            v.object({ slug: slug('link.slug', 'Slug, as in the booking URL.') }),
            v.object({ linkId: ref('link.linkId', 'From a scheduling-link-list tool.') }),
          ],
          'link must be {slug} or {linkId}',
        ),
        v.description('{slug} or {linkId}, from the scheduling-link-list tools.'),
      ),
      guestEmail: v.optional(email('guestEmail', "Guest's email; needed for ownership links.")),
      guestTimezone: v.optional(timezone('guestTimezone', 'IANA zone.')),
      interval: v.optional(interval),
      meetingTypeId: v.optional(uuid('meetingTypeId', 'When the link offers several (meeting-type-list).')),
      meetingTypeOverride: v.optional(meetingTypeOverride),
      bookerId: v.optional(ref('bookerId', 'User booking for the guest.')),
      outputs: v.optional(
        v.pipe(
          v.array(
            v.pipe(
              v.string('each output must be a string'),
              v.minLength(1, 'each output must be a non-empty name such as "StartTimes"'),
            ),
            'outputs must be a list of names',
          ),
          v.description('e.g. ["StartTimes"].'),
        ),
      ),
    }),
    view: { omit: ['startTimes[].attendees[].email'] },
    safety: { kind: 'read', idempotent: true },
    permission: 'scheduling-links.schedule',
    response: 'json',
    docs: {
      flow: { role: 'start', name: 'scheduling-link', yields: ['routeId'], next: 'scheduling-link-schedule' },
      permissionConfidence: 'observed',
      confidence: 'inferred',
      notes:
        "No schema: the body is assumed to be the hosted tool's flat inputs. The link reference shape is our " +
        "decision ({slug} or {linkId}); Chili Piper's draft leaves it open ({slug} or {id}). Permission per the help " +
        'center: Scheduling links Read + Schedule.',
      safetyReason:
        'Opens a short-lived booking session; nothing is booked or sent, and an unused session expires. Retry-safe.',
    },
  }),
  defineTool({
    name: 'scheduling-link-schedule',
    title: 'Book a slot from a link session',
    group: 'scheduling',
    description:
      'Booking step 2: books body.startTime in the session of scheduling-link-init (its routeId); creates the ' +
      'meeting and sends invites at once. Sessions are single-use. Answers {type:"Success", meetingId} or ' +
      '{type:"Failure", reason}.',
    operation: {
      name: 'scheduling-link-schedule',
      method: 'POST',
      path: '/v1/org/schedulingLinks/routing/{routeId}/schedule-simple',
    },
    input: v.object({
      routeId: ref('routeId', 'From scheduling-link-init.'),
      body: v.pipe(
        v.object({
          startTime: isoDateTime('A startTime from init, unchanged'),
          guestEmail: v.optional(email('body.guestEmail', "Guest's email.")),
          guestTimezone: v.optional(timezone('body.guestTimezone', 'IANA zone.')),
          formData: v.optional(
            v.pipe(
              v.record(v.string(), v.unknown(), 'formData must be an object'),
              v.description('Form answers keyed by formFields[].reference from init.'),
            ),
          ),
          location: v.optional(
            v.pipe(
              v.union(
                [v.string(), v.record(v.string(), v.unknown())],
                'location must be a string or an object',
              ),
              v.description('Location choice, when offered.'),
            ),
          ),
        }),
        v.description('{startTime, guestEmail?, guestTimezone?, formData?, location?}.'),
      ),
    }),
    fields: { body: { in: 'body', root: true } },
    safety: { kind: 'write', idempotent: false },
    permission: 'scheduling-links.schedule',
    response: 'json',
    docs: {
      flow: { role: 'finish', name: 'scheduling-link', consumes: ['routeId'], after: 'scheduling-link-init' },
      externalEffects: true,
      permissionConfidence: 'observed',
      confidence: 'observed',
      notes:
        "Body from Chili Piper's draft booking skill, not a schema. location is undocumented, so any string or " +
        'object is accepted. A force-schedule variant exists (scheduling-link-force-schedule) and is not exposed.',
      safetyReason:
        'Additive: creates a meeting and sends invites. Not idempotent (a repeat could book twice).',
    },
  }),
];
