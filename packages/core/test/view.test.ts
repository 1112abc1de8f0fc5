import { describe, expect, it } from 'vitest';
import { denoise, keepPaths, omitPaths } from '../src/view.js';
import { splitRange } from '../src/windows.js';
import { argsKey, decodeCursor, encodeCursor } from '../src/cursor.js';
import { EdgeError } from '../src/index.js';

const meeting = {
  meetingId: 'm1',
  dateTime: { start: 's', end: 'e' },
  attendees: [
    { userId: 'u1', email: 'a@x', role: 'Host' },
    { userId: 'u2', email: 'b@x', role: 'Guest' },
  ],
  history: [{ type: 'Booked' }],
  metadata: { createdAt: 't', createdBy: 'u', revision: 3 },
};

describe('projections', () => {
  it('keeps dotted paths, into objects and each element of a list', () => {
    expect(
      keepPaths(meeting, ['meetingId', 'dateTime.start', 'attendees[].userId', 'missing.path']),
    ).toStrictEqual({
      meetingId: 'm1',
      dateTime: { start: 's' },
      attendees: [{ userId: 'u1' }, { userId: 'u2' }],
    });
  });

  it('omits dotted paths without touching the input', () => {
    expect(omitPaths(meeting, ['history', 'attendees[].email', 'dateTime.end'])).toStrictEqual({
      meetingId: 'm1',
      dateTime: { start: 's' },
      attendees: [
        { userId: 'u1', role: 'Host' },
        { userId: 'u2', role: 'Guest' },
      ],
      metadata: { createdAt: 't', createdBy: 'u', revision: 3 },
    });
    expect(meeting.history).toHaveLength(1);
  });

  it('drops audit noise but keeps the revision guarded writes need', () => {
    expect(
      denoise({ ...meeting, logo: 'x', nested: [{ metadata: { updatedAt: 't' }, a: 1 }] }),
    ).toStrictEqual({
      meetingId: 'm1',
      dateTime: { start: 's', end: 'e' },
      attendees: meeting.attendees,
      metadata: { revision: 3 },
      nested: [{ a: 1 }],
    });
  });
});

describe('split ranges', () => {
  const span = { start: 'start', end: 'end', maxDays: 7, splitUpTo: 92 };
  it('splits into consecutive windows of at most maxDays, the last one short', () => {
    const windows = splitRange(span, { start: '2026-01-01T00:00:00Z', end: '2026-01-31T00:00:00Z' });
    expect(windows).toHaveLength(5);
    expect(windows[0]).toStrictEqual({ start: '2026-01-01T00:00:00.000Z', end: '2026-01-08T00:00:00.000Z' });
    expect(windows[4]).toStrictEqual({ start: '2026-01-29T00:00:00.000Z', end: '2026-01-31T00:00:00.000Z' });
    for (let i = 1; i < windows.length; i++) expect(windows[i]!.start).toBe(windows[i - 1]!.end);
  });
  it('keeps a short range whole and does not split a tool that does not split', () => {
    expect(splitRange(span, { start: '2026-01-01T00:00:00Z', end: '2026-01-03T00:00:00Z' })).toHaveLength(1);
    expect(
      splitRange(
        { start: 'start', end: 'end', maxDays: 7 },
        { start: '2026-01-01T00:00:00Z', end: '2026-01-31T00:00:00Z' },
      ),
    ).toHaveLength(1);
  });
});

describe('cursors', () => {
  const position = { w: 2, p: 3, o: 17, u: 50, n: 50 };
  it('round-trip the position for the same arguments, whatever their key order', () => {
    const key = argsKey({ start: 'a', end: 'b', pagination: { page: 1 } });
    const cursor = encodeCursor(position, key);
    expect(decodeCursor(cursor, argsKey({ end: 'b', start: 'a', cursor }), 'test')).toStrictEqual(position);
  });
  it('refuse a cursor replayed with other arguments, or not made here, by name', () => {
    const cursor = encodeCursor(position, argsKey({ start: 'a' }));
    const other = () => decodeCursor(cursor, argsKey({ start: 'b' }), 'test');
    expect(other).toThrow(EdgeError);
    expect(other).toThrow(/cursor: it belongs to a call with other arguments/);
    expect(() => decodeCursor('bm9wZQ', 'k', 'test')).toThrow(/not a cursor this server made/);
    expect(() => decodeCursor(encodeCursor({ ...position, u: 0 }, 'k'), 'k', 'test')).toThrow(/not a cursor/);
  });
});
