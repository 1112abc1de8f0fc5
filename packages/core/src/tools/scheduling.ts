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

const filterWorkspaceIds = filterList(
  ref('workspace id'),
  'filterWorkspaceIds',
  'Only links in any of these workspaces (at least one id if given).',
);
const filterLinkSlugs = filterList(
  slug('link slug'),
  'filterLinkSlugs',
  'Only links with any of these slugs (at least one if given).',
);
const filterMeetingTypeId = filterList(
  uuid('meeting type id'),
  'filterMeetingTypeId',
  'Only links offering any of these meeting types (UUIDs; at least one if given).',
);
const filterDistributionIds = filterList(
  ref('distribution id'),
  'filterDistributionIds',
  'Only links that use any of these distributions (at least one id if given).',
);

const listPermission = 'scheduling-links.read';

export const schedulingTools = [
  defineTool({
    name: 'scheduling-link-list-personal',
    title: "List a user's personal links",
    group: 'scheduling',
    description:
      'Lists the personal booking links of one user (each with slug, meeting type and booking URL); team, ' +
      'round-robin and other admin links are listed by the other scheduling-link-list tools. Changes nothing. ' +
      'Not paged.',
    operation: {
      name: 'scheduling-link-list-personal-v2',
      method: 'GET',
      path: '/v1/org/schedulingLinks/list-personal-v2/{userId}',
    },
    input: v.object({ userId: ref('userId', 'User id whose personal links to list (see user-find).') }),
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
    },
  }),
  defineTool({
    name: 'scheduling-link-list-round-robin',
    title: 'List round-robin links',
    group: 'scheduling',
    description:
      'Lists round-robin booking links, whose bookings rotate across the members of one or more distributions; ' +
      'each entry has linkId, slug, meeting types, assignments and bookingUrl. Changes nothing. Every filter is ' +
      'optional (omit all for the whole org); the answer is {links: [...]}, not paged.',
    operation: {
      name: 'scheduling-link-list-round-robin',
      method: 'POST',
      path: '/v1/org/schedulingLinks/list-round-robin',
    },
    input: v.object({ filterWorkspaceIds, filterLinkSlugs, filterMeetingTypeId, filterDistributionIds }),
    safety: { kind: 'read', idempotent: true },
    permission: listPermission,
    response: 'json',
    docs: { confidence: 'spec' },
  }),
  defineTool({
    name: 'scheduling-link-list-admin-one-on-one',
    title: 'List admin one-on-one links',
    group: 'scheduling',
    description:
      'Lists admin-managed one-on-one booking links, each booking with one fixed host; entries have linkId, slug, ' +
      'meeting types and bookingUrl. Changes nothing. Every filter is optional (omit all for the whole org); the ' +
      'answer is {links: [...]}, not paged.',
    operation: {
      name: 'scheduling-link-list-admin-one-on-one',
      method: 'POST',
      path: '/v1/org/schedulingLinks/list-admin-one-on-one',
    },
    input: v.object({ filterWorkspaceIds, filterLinkSlugs, filterMeetingTypeId }),
    safety: { kind: 'read', idempotent: true },
    permission: listPermission,
    response: 'json',
    docs: { confidence: 'spec' },
  }),
  defineTool({
    name: 'scheduling-link-list-group',
    title: 'List group links',
    group: 'scheduling',
    description:
      'Lists group booking links, which invite several attendees and only offer times when every required ' +
      'attendee is free; entries have linkId, slug, meeting types and bookingUrl. Changes nothing. Every filter is ' +
      'optional (omit all for the whole org); the answer is {links: [...]}, not paged.',
    operation: {
      name: 'scheduling-link-list-group',
      method: 'POST',
      path: '/v1/org/schedulingLinks/list-group',
    },
    input: v.object({ filterWorkspaceIds, filterLinkSlugs, filterMeetingTypeId }),
    safety: { kind: 'read', idempotent: true },
    permission: listPermission,
    response: 'json',
    docs: { confidence: 'spec' },
  }),
  defineTool({
    name: 'scheduling-link-list-ownership',
    title: 'List ownership links',
    group: 'scheduling',
    description:
      'Lists ownership booking links, which send each guest to their CRM record owner, with optional ' +
      'distributions as extra assignees or fallback; entries include ownership, distribution, sharing and ' +
      'bookingUrl. Changes nothing. Every filter is optional; the answer is {links: [...]}, not paged. Booking ' +
      'through these links needs guestEmail in scheduling-link-init.',
    operation: {
      name: 'scheduling-link-list-ownership',
      method: 'POST',
      path: '/v1/org/schedulingLinks/list-ownership',
    },
    input: v.object({ filterWorkspaceIds, filterLinkSlugs, filterMeetingTypeId, filterDistributionIds }),
    safety: { kind: 'read', idempotent: true },
    permission: listPermission,
    response: 'json',
    docs: { confidence: 'spec' },
  }),
  defineTool({
    name: 'scheduling-link-init',
    title: 'Start booking through a link',
    group: 'scheduling',
    description:
      'Phase 1 of booking through a scheduling link: opens a booking session for the link and returns its ' +
      'routeId, the free startTimes in the interval and the form fields the booking needs. Books nothing. Then ' +
      'call scheduling-link-schedule with that routeId and one startTime sent back unchanged; the session is ' +
      'short-lived and single-use, so start again here if booking fails. Ownership links require guestEmail.',
    operation: { name: 'scheduling-link-init', method: 'POST', path: '/v1/org/schedulingLinks/init-simple' },
    input: v.object({
      link: v.pipe(
        v.union(
          [
            v.object({ slug: slug('link.slug', 'Slug of the link, as in its booking URL.') }),
            v.object({ linkId: ref('link.linkId', 'Link id, from a scheduling-link-list tool.') }),
          ],
          'link must be {slug} or {linkId}',
        ),
        v.description(
          'Which link to book through: {slug} or {linkId} (from the scheduling-link-list tools).',
        ),
      ),
      guestEmail: v.optional(
        email(
          'guestEmail',
          "Email of the guest. Required for ownership links, which route to the guest's CRM owner.",
        ),
      ),
      guestTimezone: v.optional(
        timezone(
          'guestTimezone',
          'Guest time zone (IANA name, e.g. America/New_York), used for display and invites.',
        ),
      ),
      interval: v.optional(interval),
      meetingTypeId: v.optional(
        uuid('meetingTypeId', 'Meeting type to book, when the link offers several (UUID).'),
      ),
      meetingTypeOverride: v.optional(meetingTypeOverride),
      bookerId: v.optional(
        ref('bookerId', "User id of the person booking on the guest's behalf, when not the guest."),
      ),
      outputs: v.optional(
        v.pipe(
          v.array(
            v.pipe(
              v.string('each output must be a string'),
              v.minLength(1, 'each output must be a non-empty name such as "StartTimes"'),
              v.description('One output name, e.g. "StartTimes".'),
            ),
            'outputs must be a list of names',
          ),
          v.description('What the session should return, e.g. ["StartTimes"].'),
        ),
      ),
    }),
    safety: { kind: 'read', idempotent: true },
    permission: 'scheduling-links.schedule',
    response: 'json',
    docs: {
      flow: { role: 'start', name: 'scheduling-link', yields: ['routeId'], next: 'scheduling-link-schedule' },
      permissionConfidence: 'observed',
      confidence: 'inferred',
      notes:
        "No schema: the body is assumed to be the hosted tool's flat inputs. The link reference shape is our " +
        "decision ({slug} or {linkId}); Chili Piper's draft leaves it open ({slug} or {id}). Classed as a retry-safe " +
        'read: it only opens a short-lived booking session, and a retried call at worst leaves an unused session ' +
        'that expires; nothing is booked or sent. Permission per the help center: Scheduling links Read + Schedule.',
    },
  }),
  defineTool({
    name: 'scheduling-link-schedule',
    title: 'Book a slot from a link session',
    group: 'scheduling',
    description:
      'Phase 2 of booking through a scheduling link: books the meeting at body.startTime in the session opened by ' +
      'scheduling-link-init (pass its routeId). Creates the meeting and sends calendar invites at once. The ' +
      'startTime must be one returned by init, unchanged; sessions are single-use, so after a failure restart ' +
      'with scheduling-link-init. Answers {type: "Success", meetingId} or {type: "Failure", reason}.',
    operation: {
      name: 'scheduling-link-schedule',
      method: 'POST',
      path: '/v1/org/schedulingLinks/routing/{routeId}/schedule-simple',
    },
    input: v.object({
      routeId: ref('routeId', 'Session id (routeId) returned by scheduling-link-init.'),
      body: v.pipe(
        v.object({
          startTime: isoDateTime('Chosen slot start, exactly as returned by scheduling-link-init'),
          guestEmail: v.optional(email('body.guestEmail', 'Email of the guest being booked.')),
          guestTimezone: v.optional(
            timezone('body.guestTimezone', 'Guest time zone (IANA name, e.g. America/New_York).'),
          ),
          formData: v.optional(
            v.pipe(
              v.record(v.string(), v.unknown(), 'formData must be an object'),
              v.description(
                'Answers to the link form, keyed by the formFields[].reference values from init.',
              ),
            ),
          ),
          location: v.optional(
            v.pipe(
              v.union(
                [v.string(), v.record(v.string(), v.unknown())],
                'location must be a string or an object',
              ),
              v.description(
                'Meeting location choice, when the meeting type offers several (shape undocumented).',
              ),
            ),
          ),
        }),
        v.description('Booking request: {startTime, guestEmail?, guestTimezone?, formData?, location?}.'),
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
    },
  }),
];
