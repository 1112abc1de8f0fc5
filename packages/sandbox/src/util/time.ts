/** Time helpers: ISO formatting, duration parsing (Scala FiniteDuration strings and ISO-8601). */
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** ISO-8601 UTC with milliseconds. */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

const UNIT_MS: Record<string, number> = {
  ms: 1,
  millis: 1,
  milli: 1,
  millisecond: 1,
  milliseconds: 1,
  s: 1000,
  sec: 1000,
  secs: 1000,
  second: 1000,
  seconds: 1000,
  m: MINUTE,
  min: MINUTE,
  mins: MINUTE,
  minute: MINUTE,
  minutes: MINUTE,
  h: HOUR,
  hour: HOUR,
  hours: HOUR,
  d: DAY,
  day: DAY,
  days: DAY,
};

/**
 * Parses `"7 days"`, `"30 minutes"`, `"2 hours"`, `"1500 milliseconds"` or ISO-8601 `P7D`, `PT30M`, `P1DT2H`.
 * Returns milliseconds, or undefined when the text is not a duration.
 */
export function parseDuration(text: string): number | undefined {
  const t = text.trim();
  const finite = /^(\d+(?:\.\d+)?)\s*([a-zA-Z]+)$/.exec(t);
  if (finite) {
    const unit = UNIT_MS[(finite[2] ?? '').toLowerCase()];
    return unit === undefined ? undefined : Number(finite[1]) * unit;
  }
  const isoMatch = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/i.exec(t);
  if (isoMatch && t.length > 1 && !/T$/i.test(t)) {
    const [, w, d, h, m, s] = isoMatch;
    return (
      Number(w ?? 0) * 7 * DAY +
      Number(d ?? 0) * DAY +
      Number(h ?? 0) * HOUR +
      Number(m ?? 0) * MINUTE +
      Number(s ?? 0) * 1000
    );
  }
  return undefined;
}

/** Parses an ISO-8601 date-time with an explicit zone; undefined when invalid. */
export function parseDateTime(text: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text)) return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}
