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
  v.description('Options, e.g. {locale: "en_US"}; other keys pass through.'),
);

const routeInterval = v.optional(
  v.pipe(
    interval,
    v.description(
      '{startsAt, duration}: opens a booking session (routingId, startTimes); without it, a routing link.',
    ),
  ),
);

const routeSafety = { kind: 'write', idempotent: false } as const;

/** Ranges up to this many days are split into 30-day requests. */
const LONGEST_RANGE_DAYS = 92;

export const conciergeTools = [
  defineTool({
    name: 'concierge-list-routers',
    title: 'List Concierge routers',
    group: 'concierge',
    description:
      'Lists Concierge (inbound form) routers: router.id (for concierge-logs), router.slug (for ' +
      'concierge-route-by-slug), workspaceId. workspaceId is also checked by this server.',
    operation: {
      name: 'concierge-list-routers',
      method: 'POST',
      path: '/v1/org/concierge/routers/concierge/list',
    },
    input: v.object({
      workspaceId: v.optional(ref('workspaceId', 'From workspace-list; omit for all.')),
    }),
    fields: { workspaceId: { in: 'query' } },
    noBody: true,
    view: {
      items: 'routers',
      keep: ['router.id', 'router.name', 'router.slug', 'router.routing.rules[].ruleIds', 'workspaceId'],
    },
    filters: [{ input: 'workspaceId', item: 'workspaceId', send: true }],
    safety: { kind: 'read', idempotent: true },
    permission: 'concierge.read',
    response: 'json',
    docs: {
      confidence: 'spec-extended',
      notes:
        'The spec declares no parameters and no request body. workspaceId is only mentioned in the description: ' +
        'it is sent as a query parameter (inferred) and also applied by this layer to routers[].workspaceId, so ' +
        'the result is right whether or not the API honours it.',
      safetyReason: 'A list sent as POST; changes nothing.',
    },
  }),
  defineTool({
    name: 'concierge-route',
    title: 'Route a lead (no slug)',
    group: 'concierge',
    description:
      'Concierge step 1 without a slug: routes the guest form answers. With interval it opens a booking session: ' +
      'then concierge-schedule with routingId and one startTime unchanged. Routing may assign the lead and run ' +
      'router actions.',
    operation: { name: 'concierge-route', method: 'POST', path: '/v1/org/concierge/routers/rest' },
    input: v.object({
      form: v.pipe(
        v.array(
          v.pipe(
            v.object({
              name: v.pipe(
                v.string('form[].name must be a string'),
                v.minLength(1, 'form[].name must be a field name such as PersonEmail'),
                v.description('Field, e.g. PersonEmail.'),
              ),
              value: v.pipe(formValue, v.description('Answer.')),
            }),
            v.description('{name, value}.'),
          ),
          'form must be a list of {name, value} objects',
        ),
        v.minLength(1, 'form needs at least one {name, value} answer, such as PersonEmail'),
        v.description('Answers as [{name, value}]; include PersonEmail.'),
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
      externalEffects: true,
      safetyReason:
        'Creates a routing session and may assign the lead and run router actions (additive). Not idempotent.',
    },
  }),
  defineTool({
    name: 'concierge-route-by-slug',
    title: 'Route a lead through a router',
    group: 'concierge',
    description:
      'Concierge step 1: routes the guest form answers through the router with this slug. With body.interval it ' +
      'opens a booking session: then concierge-schedule with routingId and one startTime unchanged. Routing may ' +
      'assign the lead and run router actions.',
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
        v.description('router.slug from concierge-list-routers.'),
      ),
      body: v.pipe(
        v.object({
          form: v.pipe(
            v.record(
              v.pipe(v.string(), v.minLength(1), v.description('Field name.')),
              v.pipe(formValue, v.description('Answer.')),
              'body.form must be an object of field name to value',
            ),
            v.description('Answers keyed by field name, e.g. {PersonEmail: "a@b.com"}.'),
          ),
          options: v.optional(options),
          interval: routeInterval,
          meetingTypeOverride: v.optional(meetingTypeOverride),
        }),
        v.description('{form: {<field>: value}, options?, interval?, meetingTypeOverride?}.'),
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
      externalEffects: true,
      safetyReason:
        'Creates a routing session and may assign the lead and run router actions (additive). Not idempotent.',
    },
  }),
  defineTool({
    name: 'concierge-schedule',
    title: 'Book a Concierge slot',
    group: 'concierge',
    description:
      'Concierge step 2: books body.startTime in the session of concierge-route(-by-slug) with interval (its ' +
      'routingId); creates the meeting and sends invites. Sessions are single-use.',
    operation: {
      name: 'concierge-schedule',
      method: 'POST',
      path: '/v1/org/concierge/routing/{routingId}/schedule-simple',
    },
    input: v.object({
      routingId: ref('routingId', 'From concierge-route-by-slug or concierge-route.'),
      body: v.pipe(
        v.looseObject({
          startTime: isoDateTime('A startTime from step 1, unchanged'),
          guestTimezone: v.optional(
            v.pipe(
              v.string('body.guestTimezone must be a string'),
              v.minLength(1, 'body.guestTimezone must be an IANA time zone such as America/New_York'),
              v.description('IANA zone.'),
            ),
          ),
        }),
        v.description('{startTime, guestTimezone?}; other keys pass through.'),
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
      safetyReason:
        'Additive: creates a meeting and sends invites. Not idempotent (a repeat could book twice).',
    },
  }),
  defineTool({
    name: 'concierge-logs',
    title: 'Read Concierge routing logs',
    group: 'concierge',
    description:
      'Concierge routing decisions between start and end; up to 92 days (split into 30-day requests here). ' +
      'Without routerId it searches every router (listing them first). guestEmail is matched by this server, ' +
      'reading pages of 500.',
    operation: { name: 'concierge-logs', method: 'POST', path: '/v1/org/concierge/logs' },
    input: v.object({
      workspaceId: v.optional(ref('workspaceId', "The router's workspaceId; omit to search all.")),
      routerId: v.optional(
        v.pipe(
          v.string('routerId must be a string'),
          v.uuid('routerId must be a UUID such as 4a8f2b3c-7d1e-4f9b-8a2c-3d5e6f789012'),
          v.description('router.id (concierge-list-routers); omit to search all.'),
        ),
      ),
      start: isoDateTime('From'),
      end: isoDateTime('To'),
      guestEmail: v.optional(
        v.pipe(
          v.string('guestEmail must be a string'),
          v.regex(/^\S+@\S+$/, 'guestEmail must be an email address such as john.doe@acme.com'),
          v.description('Only this lead (any case).'),
        ),
      ),
    }),
    fields: {
      workspaceId: { in: 'query' },
      routerId: { in: 'query' },
      start: { in: 'query' },
      end: { in: 'query' },
    },
    noBody: true,
    pagination: { style: 'page', in: 'query', defaultPageSize: 50, maxPageSize: 500 },
    view: {
      items: 'results',
      id: 'id',
      keep: [
        'id',
        'routerId',
        'status',
        'triggeredAt',
        'guestEmail',
        'meetingId',
        'assignments',
        'matchedPath.route',
      ],
    },
    filters: [{ input: 'guestEmail', item: 'guestEmail' }],
    expand: { from: 'concierge-list-routers', fields: { routerId: 'router.id', workspaceId: 'workspaceId' } },
    span: { start: 'start', end: 'end', maxDays: 30, splitUpTo: LONGEST_RANGE_DAYS },
    safety: { kind: 'read', idempotent: true },
    permission: 'logs.read',
    response: 'json',
    docs: {
      confidence: 'spec-extended',
      notes:
        'A POST that takes only query parameters and no body (spec). page/pageSize were added after the spec ' +
        '(max 500 per Chili Piper prose) and are sent in the query (inferred); the spec response is untyped and ' +
        'its text describes a bare array of entries, which this layer also accepts (items at "results" otherwise). ' +
        'guestEmail is not an API filter: this layer applies it to each entry. The API requires workspaceId and ' +
        'routerId; when they are left out, this layer lists the routers (concierge-list-routers, which needs ' +
        'concierge.read) and asks each one. Permission: logs.read per the spec; the MCP README says concierge.read.',
      safetyReason: 'A read sent as POST; changes nothing.',
    },
  }),
];
