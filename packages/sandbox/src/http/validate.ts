import * as v from 'valibot';
import { HttpError, invalid } from './errors.js';
import { parseDateTime, parseDuration } from '../util/time.js';

/** Validates a request body with a valibot schema; failures become 400 `Invalid value for: body (path: message)`. */
export function parseBody<S extends v.GenericSchema>(schema: S, body: unknown): v.InferOutput<S> {
  const res = v.safeParse(schema, body);
  if (res.success) return res.output;
  const issue = res.issues[0];
  const path = v.getDotPath(issue);
  const message = issue.input === undefined && path ? 'missing required field' : issue.message;
  throw invalid(`body (${path ? `${path}: ` : ''}${message})`);
}

/** An ISO-8601 date-time string, converted to epoch ms. */
export const DateTime = v.pipe(
  v.string(),
  v.check((s) => parseDateTime(s) !== undefined, 'expected an ISO-8601 date-time'),
  v.transform((s) => parseDateTime(s) as number),
);

/** A FiniteDuration (`"7 days"`) or ISO-8601 (`"P7D"`) duration, converted to ms. */
export const Duration = v.pipe(
  v.string(),
  v.check((s) => (parseDuration(s) ?? 0) > 0, 'expected a duration such as "7 days" or "PT30M"'),
  v.transform((s) => parseDuration(s) as number),
);

export const Id = v.pipe(v.string(), v.regex(/^[^\s\\/]+$/, 'expected an id'));
export const Ids = v.pipe(v.array(Id), v.minLength(1, 'expected at least one id'));
export const Interval = v.object({ startsAt: DateTime, duration: Duration });

/** Body pagination fields, with per-operation defaults and maxima. */
export function bodyPaging(def: number, max: number) {
  return {
    page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0, 'page must be >= 0')), 0),
    pageSize: v.optional(
      v.pipe(
        v.number(),
        v.integer(),
        v.minValue(1, 'pageSize must be > 0'),
        v.maxValue(max, `pageSize must be at most ${max}`),
      ),
      def,
    ),
  };
}

/** Query pagination (`page` 0-based, `pageSize` in 1..max); bad values → 400 naming the parameter(s). */
export function queryPaging(
  query: URLSearchParams,
  def: number,
  max: number,
): { page: number; pageSize: number } {
  const errors: string[] = [];
  const read = (name: string, fallback: number, min: number, upper: number): number => {
    const raw = query.get(name);
    if (raw === null || raw === '') return fallback;
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < min || n > upper) {
      errors.push(`Invalid value for: query parameter ${name}`);
      return fallback;
    }
    return n;
  };
  const page = read('page', 0, 0, Number.MAX_SAFE_INTEGER);
  const pageSize = read('pageSize', def, 1, max);
  if (errors.length > 0) throw invalid(errors.join(', ').replace(/^Invalid value for: /, ''));
  return { page, pageSize };
}

/** Slices a list into the `{results, total, page, pageSize}` envelope. */
export function paginate<T, R>(items: readonly T[], page: number, pageSize: number, map: (t: T) => R) {
  const start = page * pageSize;
  return { results: items.slice(start, start + pageSize).map(map), total: items.length, page, pageSize };
}

/** A required query parameter (400 naming it when missing). */
export function requiredQuery(query: URLSearchParams, name: string): string {
  const value = query.get(name);
  if (value === null || value === '') throw invalid(`query parameter ${name}`);
  return value;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Refuses path or query parameters that must be UUIDs (`format: uuid` in the spec) and are not: one 400 text/plain
 * naming each, joined like Tapir joins them. An absent query parameter is left to the handler (required or not).
 */
export function checkUuidParams(
  names: readonly string[],
  params: Record<string, string>,
  query: URLSearchParams,
): void {
  const bad: string[] = [];
  for (const name of names) {
    const inPath = params[name];
    const value = inPath ?? query.get(name);
    if (value !== null && !UUID.test(value))
      bad.push(`Invalid value for: ${inPath === undefined ? 'query' : 'path'} parameter ${name}`);
  }
  if (bad.length > 0) throw new HttpError(400, bad.join(', '));
}
