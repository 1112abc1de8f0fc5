/** Short-lived, single-use two-phase sessions (link init → schedule, handoff init → schedule, concierge route → schedule). */

export type SessionKind = 'scheduling-link' | 'handoff' | 'concierge';

export interface Session {
  id: string;
  kind: SessionKind;
  tenantId: string;
  createdAt: number;
  expiresAt: number;
  used: boolean;
  /** Offered start times (ISO) → the users who would attend. */
  slots: Map<string, string[]>;
  workspaceId: string;
  meetingTypeId: string;
  durationMs: number;
  guestEmail?: string;
  guestName?: string;
  guestTimezone?: string;
  bookerId?: string;
  linkId?: string;
  routerId?: string;
  pathId?: string;
  distributionId?: string;
  scheduleOrigin: string;
  /** Concierge: the rule whose path matched (absent for the catch-all path). */
  ruleId?: string;
  /** Handoff: `${routerId}/${pathId}` → what booking that path creates. */
  paths?: Record<string, { meetingTypeId: string; distributionId: string; durationMs: number }>;
}

/** A per-request session lifetime: numeric `timeoutInMS` at the top level of the body or in `options`. */
export function requestTimeout(body: unknown): number | undefined {
  const b = body as { timeoutInMS?: unknown; options?: { timeoutInMS?: unknown } } | null | undefined;
  const t = b?.timeoutInMS ?? b?.options?.timeoutInMS;
  return typeof t === 'number' && Number.isFinite(t) ? t : undefined;
}

/** The session registry. Expired sessions are dropped lazily. */
export class Sessions {
  private readonly byId = new Map<string, Session>();

  constructor(public ttlMs: number) {}

  /** Registers a session that expires `ttlMs` (or the request's own `timeoutInMS`, at most 1 hour) after `now`. */
  create(s: Omit<Session, 'expiresAt' | 'used' | 'createdAt'>, now: number, timeoutMs?: number): Session {
    const ttl = timeoutMs !== undefined && timeoutMs > 0 ? Math.min(timeoutMs, 3_600_000) : this.ttlMs;
    const session: Session = { ...s, createdAt: now, expiresAt: now + ttl, used: false };
    this.byId.set(session.id, session);
    if (this.byId.size > 5000) this.sweep(now);
    return session;
  }

  /** A live (unexpired, unused) session of this tenant and kind, or undefined. */
  live(id: string, tenantId: string, kind: SessionKind, now: number): Session | undefined {
    const s = this.byId.get(id);
    if (!s || s.tenantId !== tenantId || s.kind !== kind) return undefined;
    if (s.used || s.expiresAt <= now) return undefined;
    return s;
  }

  /** Marks a session used (single use: after success or failure). */
  consume(s: Session): void {
    s.used = true;
  }

  /** Drops expired and used sessions. */
  sweep(now: number): void {
    for (const [id, s] of this.byId) if (s.used || s.expiresAt <= now) this.byId.delete(id);
  }

  clear(): void {
    this.byId.clear();
  }

  get size(): number {
    return this.byId.size;
  }
}
