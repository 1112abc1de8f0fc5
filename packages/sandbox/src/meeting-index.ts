import type { Meeting } from './types.js';

/**
 * Meetings indexed by id, CRM event id and start time (a sorted array), so that a 7-day window query is a
 * binary search plus a slice, not a scan of the whole org at scale.
 */
export class MeetingIndex {
  readonly byId = new Map<string, Meeting>();
  readonly byCrmEventId = new Map<string, Meeting>();
  private readonly sorted: Meeting[] = [];

  get size(): number {
    return this.sorted.length;
  }

  /** Index of the first meeting starting at or after `ms`. */
  private lowerBound(ms: number): number {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.sorted[mid] as Meeting).start < ms) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Adds a meeting, keeping start-time order. */
  add(meeting: Meeting): void {
    this.byId.set(meeting.id, meeting);
    if (meeting.crmEventId) this.byCrmEventId.set(meeting.crmEventId, meeting);
    const at = this.lowerBound(meeting.start + 1);
    this.sorted.splice(at, 0, meeting);
  }

  /** Bulk load (seed): sorts once. */
  load(meetings: Meeting[]): void {
    for (const m of meetings) {
      this.byId.set(m.id, m);
      if (m.crmEventId) this.byCrmEventId.set(m.crmEventId, m);
    }
    for (const m of meetings) this.sorted.push(m);
    // Array.prototype.sort is stable: equal start times keep their (deterministic) generation order.
    this.sorted.sort((a, b) => a.start - b.start);
  }

  /** Meetings starting in [from, to), in start order. */
  range(from: number, to: number): Meeting[] {
    const out: Meeting[] = [];
    for (let i = this.lowerBound(from); i < this.sorted.length; i++) {
      const m = this.sorted[i] as Meeting;
      if (m.start >= to) break;
      out.push(m);
    }
    return out;
  }

  /** Visits meetings starting in [from, to) in start order until `visit` returns false. */
  scan(from: number, to: number, visit: (m: Meeting) => boolean): void {
    for (let i = this.lowerBound(from); i < this.sorted.length; i++) {
      const m = this.sorted[i] as Meeting;
      if (m.start >= to || !visit(m)) return;
    }
  }

  /** Every meeting, in start order (read-only view). */
  all(): readonly Meeting[] {
    return this.sorted;
  }
}
