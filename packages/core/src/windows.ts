import { getPath } from './get-path.js';
import type { SpanLimit } from './tool.js';

/** One window of a split range, as ISO-8601 strings. */
export interface Window {
  readonly start: string;
  readonly end: string;
}

const DAY = 86_400_000;

/**
 * Splits the input's `[start, end)` range into consecutive windows of at most `span.maxDays` days, when the
 * tool splits (`span.splitUpTo`); otherwise one window, the range itself. Returns `[undefined]` for tools
 * without a span.
 */
export function splitRange(
  span: SpanLimit | undefined,
  input: Readonly<Record<string, unknown>>,
): (Window | undefined)[] {
  if (!span) return [undefined];
  const start = Date.parse(String(getPath(input, span.start)));
  const end = Date.parse(String(getPath(input, span.end)));
  if (Number.isNaN(start) || Number.isNaN(end)) return [undefined];
  const range = { start: new Date(start).toISOString(), end: new Date(end).toISOString() };
  if (!span.splitUpTo || end - start <= span.maxDays * DAY) return [range];
  const windows: Window[] = [];
  for (let at = start; at < end; at += span.maxDays * DAY) {
    windows.push({
      start: new Date(at).toISOString(),
      end: new Date(Math.min(at + span.maxDays * DAY, end)).toISOString(),
    });
  }
  return windows;
}

/** The input with its span fields replaced by one window (dotted span paths are top-level in every tool). */
export function withWindow(
  span: SpanLimit | undefined,
  input: Readonly<Record<string, unknown>>,
  window: Window | undefined,
): Record<string, unknown> {
  if (!span || !window) return { ...input };
  return { ...input, [span.start]: window.start, [span.end]: window.end };
}
