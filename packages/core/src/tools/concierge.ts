import * as v from 'valibot';
import { defineTool } from '../tool.js';
import { interval, isoDateTime, meetingTypeOverride, ref } from './shared.js';

/** Concierge tools: find inbound routers, route a lead, book the result, read routing logs. */

/** A form answer: text, number, yes/no, or several picked values. */
const formValue = v.union(
  [v.string(), v.number(), v.boolean(), v.array(v.pipe(v.string(), v.description('One picked value.')))],
  'a form value must be a string, number, boolean or list of strings',
);

/** Router options; only `locale` is documented. */
const options = v.pipe(
  v.looseObject({
    locale: v.optional(
      v.pipe(
        v.string('options.locale must be a string such as en_US'),
        v.description('Locale, e.g. "en_US".'),
      ),
    ),
  }),
  v.description('Routing options, e.g. {locale: "en_US"}; other keys are passed through as given.'),
);

const routeInterval = v.optional(
  v.pipe(
    interval,
    v.description(
      'Window to look for slots: {startsAt, duration}. Give it to open a booking session (routingId + startTimes); ' +
        'without it you only get a routing link.',
    ),
  ),
);

const routeSafety = { kind: 'write', idempotent: false, externalEffects: true } as const;

export const conciergeTools = [
  defineTool({
    name: 'concierge-list-routers',
    title: 'List Concierge routers',
    group: 'concierge',
    description:
      'Lists the Concierge (inbound form) routers, optionally of one workspace: each entry has router {id, name, ' +
      'slug, formMapping, settings, routing}, its dataFields and workspaceId. Changes nothing. Not paged. Use ' +
      'router.id for concierge-logs and router.slug for concierge-route-by-slug.',
    operation: {
      name: 'concierge-list-routers',
      method: 'POST',
      path: '/v1/org/concierge/routers/concierge/list',
    },
    input: v.object({
      workspaceId: v.optional(ref('workspaceId', 'Only routers of this workspace; omit for the whole org.')),
    }),
    fields: { workspaceId: { in: 'query' } },
    noBody: true,
    safety: { kind: 'read', idempotent: true },
    permission: 'concierge.read',
    response: 'json',
    docs: {
      confidence: 'spec',
      notes:
        'The spec declares no parameters and no request body (so none is sent). workspaceId is only mentioned in ' +
        'the description; sending it as a query parameter is our inference.',
    },
  }),
  defineTool({
    name: 'concierge-route',
    title: 'Route a lead (no slug)',
    group: 'concierge',
    description:
      "Phase 1 of Concierge booking without a router slug: submits the guest's form answers (a list of {name, " +
      'value}, e.g. PersonEmail) and returns the routing outcome. Only when interval is given does it open a ' +
      'booking session: then call concierge-schedule with the returned routingId and one startTime sent back ' +
      'unchanged; sessions are short-lived and single-use, so restart here after a failure. Routing may assign ' +
      'the lead and run router actions.',
    operation: { name: 'concierge-route', method: 'POST', path: '/v1/org/concierge/routers/rest' },
    input: v.object({
      form: v.pipe(
        v.array(
          v.pipe(
            v.object({
              name: v.pipe(
                v.string('form[].name must be a string'),
                v.minLength(1, 'form[].name must be a field name such as PersonEmail'),
                v.description('Form or data field name, e.g. PersonEmail.'),
              ),
              value: v.pipe(formValue, v.description("The guest's answer.")),
            }),
            v.description('One form answer: {name, value}.'),
          ),
          'form must be a list of {name, value} objects',
        ),
        v.minLength(1, 'form needs at least one {name, value} answer, such as PersonEmail'),
        v.description('Guest form answers as a list of {name, value}; include PersonEmail.'),
      ),
      interval: routeInterval,
      options: v.optional(options),
      meetingTypeOverride: v.optional(meetingTypeOverride),
    }),
    safety: routeSafety,
    permission: 'concierge.route',
    response: 'json',
    docs: {
      flow: { role: 'start', name: 'concierge', yields: ['routingId'], next: 'concierge-schedule' },
      permissionConfidence: 'observed',
      confidence: 'inferred',
      notes:
        'Body unknown beyond the hosted tool inputs: the fields are sent flat. How this endpoint picks a router ' +
        'without a slug is undocumented (perhaps via form or options). form is an array of {name, value} here but ' +
        'an object in concierge-route-by-slug (sources disagree); we follow the hosted inputs for each. Non-idempotent ' +
        'write: each call creates a routing session and may log, assign and run router actions (CRM updates: ' +
        'inferred). Permission per the help center (Concierge Route).',
    },
  }),
  defineTool({
    name: 'concierge-route-by-slug',
    title: 'Route a lead through a router',
    group: 'concierge',
    description:
      "Phase 1 of Concierge booking: submits the guest's form answers to the router with this slug and returns " +
      'the routing outcome. Only when body.interval is given does it open a booking session (routingId + ' +
      'startTimes): then call concierge-schedule with that routingId and one startTime sent back unchanged; ' +
      'sessions are short-lived and single-use, so restart here after a failure. Without interval you get a ' +
      'routingLink for the guest. Routing may assign the lead and run router actions.',
    operation: {
      name: 'concierge-route-by-slug',
      method: 'POST',
      path: '/v1/org/concierge/routers/{routerSlug}/rest',
    },
    input: v.object({
      routerSlug: v.pipe(
        v.string('routerSlug must be a string'),
        v.regex(
          /^[-0-9a-z_]+$/,
          'routerSlug must be a slug of lowercase letters, digits, hyphens and underscores',
        ),
        v.description('Router slug, from concierge-list-routers (routers[].router.slug).'),
      ),
      body: v.pipe(
        v.object({
          form: v.pipe(
            v.record(
              v.pipe(v.string(), v.minLength(1), v.description('Field name.')),
              v.pipe(formValue, v.description("The guest's answer.")),
              'body.form must be an object of field name to value',
            ),
            v.description(
              "Guest answers keyed by data-field name (e.g. PersonEmail) or the external form's field names.",
            ),
          ),
          options: v.optional(options),
          interval: routeInterval,
          meetingTypeOverride: v.optional(meetingTypeOverride),
        }),
        v.description(
          'Routing request: {form: {<field>: value}, options?, interval?, meetingTypeOverride?}.',
        ),
      ),
    }),
    fields: { body: { in: 'body', root: true } },
    safety: routeSafety,
    permission: 'concierge.route',
    response: 'json',
    docs: {
      flow: { role: 'start', name: 'concierge', yields: ['routingId'], next: 'concierge-schedule' },
      permissionConfidence: 'observed',
      confidence: 'observed',
      notes:
        "Body from the help center and Chili Piper's onboarding concierge.md; response undocumented (seen: " +
        'routingId, startTimes, routingLink, schedulingAllowed, distributionIds, assignments, failures). The router ' +
        'trigger must be a third-party form, in-app button or router link. A check without interval can wrongly ' +
        'show schedulingAllowed: true. Booking also needs the Concierge Schedule permission.',
    },
  }),
  defineTool({
    name: 'concierge-schedule',
    title: 'Book a Concierge slot',
    group: 'concierge',
    description:
      'Phase 2 of Concierge booking: books the meeting at body.startTime in the session opened by ' +
      'concierge-route-by-slug or concierge-route called with interval (pass its routingId). Creates the ' +
      'meeting and sends invites at once. Send a startTime from phase 1 unchanged; sessions are single-use, so ' +
      'after a failure restart at phase 1.',
    operation: {
      name: 'concierge-schedule',
      method: 'POST',
      path: '/v1/org/concierge/routing/{routingId}/schedule-simple',
    },
    input: v.object({
      routingId: ref(
        'routingId',
        'Session id (routingId) returned by concierge-route-by-slug or concierge-route.',
      ),
      body: v.pipe(
        v.looseObject({
          startTime: isoDateTime('Chosen slot start, exactly as returned by phase 1'),
          guestTimezone: v.optional(
            v.pipe(
              v.string('body.guestTimezone must be a string'),
              v.minLength(1, 'body.guestTimezone must be an IANA time zone such as America/New_York'),
              v.description('Guest time zone (IANA name, e.g. America/New_York).'),
            ),
          ),
        }),
        v.description(
          'Booking request: {startTime, guestTimezone?}; other keys are passed through as given.',
        ),
      ),
    }),
    fields: { body: { in: 'body', root: true } },
    safety: { kind: 'write', idempotent: false },
    permission: 'concierge.schedule',
    response: 'json',
    docs: {
      flow: {
        role: 'finish',
        name: 'concierge',
        consumes: ['routingId'],
        after: 'concierge-route-by-slug',
      },
      externalEffects: true,
      permissionConfidence: 'observed',
      confidence: 'inferred',
      notes:
        'Body undocumented: {startTime, guestTimezone?} is inferred from the other schedule-simple calls, and extra ' +
        'keys are allowed (a third-party text mentions a timeoutInMS setting, placement unknown). Response inferred ' +
        'as Success{meetingId} / Failure. Phase 1 can also be concierge-route; flow.after names one tool only.',
    },
  }),
  defineTool({
    name: 'concierge-logs',
    title: 'Read Concierge routing logs',
    group: 'concierge',
    description:
      'Returns the routing decisions one Concierge router made between start and end: status, trigger, ' +
      'assignments, matched path, guest email, meeting id and CRM link per entry. Changes nothing. The window may ' +
      'span at most 30 days. Paged with pagination.page (0-based) and pageSize (at most 500); ask for the next ' +
      'page until total is reached.',
    operation: { name: 'concierge-logs', method: 'POST', path: '/v1/org/concierge/logs' },
    input: v.object({
      workspaceId: ref(
        'workspaceId',
        'Workspace of the router (routers[].workspaceId in concierge-list-routers).',
      ),
      routerId: v.pipe(
        v.string('routerId must be a string'),
        v.uuid('routerId must be a UUID such as 4a8f2b3c-7d1e-4f9b-8a2c-3d5e6f789012'),
        v.description('Concierge router id (routers[].router.id in concierge-list-routers).'),
      ),
      start: isoDateTime('Window start'),
      end: isoDateTime('Window end; at most 30 days after start'),
    }),
    fields: {
      workspaceId: { in: 'query' },
      routerId: { in: 'query' },
      start: { in: 'query' },
      end: { in: 'query' },
    },
    noBody: true,
    pagination: { style: 'page', in: 'query', items: 'results', defaultPageSize: 100, maxPageSize: 500 },
    span: { start: 'start', end: 'end', maxDays: 30 },
    safety: { kind: 'read', idempotent: true },
    permission: 'logs.read',
    response: 'json',
    docs: {
      confidence: 'spec',
      notes:
        'A POST that takes only query parameters and no body (spec). page/pageSize were added after the spec ' +
        '(max 500 per Chili Piper prose); sending them in the query, the default page size of 100 and the item path ' +
        '"results" are inferred: the spec response is untyped and its text describes a bare array of entries. ' +
        'Permission: logs.read per the spec; the MCP README says concierge.read.',
    },
  }),
];
