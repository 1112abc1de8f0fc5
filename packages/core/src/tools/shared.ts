import * as v from 'valibot';

/** Shared input pieces reused across tool files. Plain valibot schemas; no behaviour. */

/** A non-empty list of ids. */
export const ids = (what: string) =>
  v.pipe(
    v.array(ref(what)),
    v.minLength(1, `give at least one ${what}`),
    v.description(`List of ${what}s (at least one).`),
  );

/** An ISO-8601 date-time string. */
export const isoDateTime = (what: string) =>
  v.pipe(
    v.string(),
    v.isoTimestamp(`${what} must be an ISO-8601 date-time such as 2025-01-08T13:46:18.681Z`),
    v.description(`${what} (ISO-8601).`),
  );

/** A free-form JSON object (a `body` wrapper whose shape the API documents loosely). */
export const looseObject = (what: string) => v.pipe(v.record(v.string(), v.unknown()), v.description(what));

/** `{startsAt, duration}` interval used by availability and two-phase init calls. */
export const interval = v.pipe(
  v.object({
    startsAt: isoDateTime('Start of the window'),
    duration: v.pipe(
      v.string(),
      v.minLength(1),
      v.description('Window length, e.g. "7 days", "30 minutes" or "P7D".'),
    ),
  }),
  v.description('Window to search: {startsAt (ISO-8601), duration ("7 days")}.'),
);

/** Longest id accepted (Edge ids are UUIDs, 24-character hex ids or 15/18-character Salesforce ids). */
export const MAX_ID_LENGTH = 128;

/**
 * An opaque Edge API id (the spec allows anything without whitespace or slashes): `name` names it in
 * validation messages; `description` tells the model where to get it.
 */
export const ref = (name: string, description: string = name) =>
  v.pipe(
    v.string(`${name} must be a string`),
    v.nonEmpty(`${name} must not be empty`),
    v.maxLength(MAX_ID_LENGTH, `${name} must be an id of at most ${MAX_ID_LENGTH} characters`),
    v.regex(/^[^\s\\/]+$/, `${name} must be an id without spaces or slashes`),
    v.description(description),
  );

/** A UUID field (where the spec says `format: uuid`). */
export const uuid = (name: string, description: string = name) =>
  v.pipe(
    v.string(`${name} must be a string`),
    v.uuid(`${name} must be a UUID such as 4a8f2b3c-7d1e-4f9b-8a2c-3d5e6f789012`),
    v.description(description),
  );

/** A user as compact list items hold it. */
export const USER_KEEP = ['id', 'name', 'email'] as const;

/** A duration string such as "30 minutes" or ISO-8601 "PT30M". */
export const durationText = (name: string, description: string) =>
  v.pipe(
    v.string(`${name} must be a duration string`),
    v.minLength(1, `${name} must be a duration such as "30 minutes" or "PT30M"`),
    v.description(description),
  );

/** A described literal, for the `type` tag of a variant. */
export const tag = <const T extends string>(value: T, what: string) =>
  v.pipe(v.literal(value), v.description(what));

/** A non-empty list of user ids. */
export const userIds = (what: string) => v.pipe(ids('user ID'), v.description(what));

/** Paging in the query: 0-based `page`/`pageSize`, at most 50 (spec of the GET lists; the API's default is 10). */
export const QUERY_PAGING = {
  style: 'page',
  in: 'query',
  defaultPageSize: 25,
  maxPageSize: 50,
} as const;

/** Duration overrides for one booking (`MeetingTypeOverrides`), all optional. */
export const meetingTypeOverride = v.pipe(
  v.object({
    meetingDurationOverride: v.optional(
      durationText('meetingDurationOverride', 'Meeting length, e.g. "30 minutes" or "PT30M".'),
    ),
    beforeBufferDurationOverride: v.optional(
      durationText('beforeBufferDurationOverride', 'Free time kept before the meeting, e.g. "10 minutes".'),
    ),
    afterBufferDurationOverride: v.optional(
      durationText('afterBufferDurationOverride', 'Free time kept after the meeting, e.g. "10 minutes".'),
    ),
    availabilityIncrementOverride: v.optional(
      durationText('availabilityIncrementOverride', 'Step between offered start times, e.g. "15 minutes".'),
    ),
  }),
  v.description(
    '{meetingDurationOverride?, beforeBufferDurationOverride?, afterBufferDurationOverride?, ' +
      'availabilityIncrementOverride?}, e.g. "30 minutes"; omit to use the meeting type.',
  ),
);
