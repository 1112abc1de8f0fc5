/** One logged request. `keyId` is the key's id/label, never the secret. */
export interface RequestLogEntry {
  at: string;
  method: string;
  /** Path relative to the base path, e.g. `/v1/org/health/ping`. */
  path: string;
  query: Record<string, string>;
  /** Operation name when the route is known, e.g. `health-ping`. */
  operation: string | null;
  keyId: string | null;
  /** Tenant subdomain (`acme`, `globex`) when authenticated. */
  tenant: string | null;
  body: unknown;
  status: number;
  /** Set when a fault was injected. */
  fault?: number;
  durationMs: number;
}

/** A bounded, append-only request log (oldest entries dropped past `limit`). */
export class RequestLog extends Array<RequestLogEntry> {
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  limit = 10_000;

  /** Appends an entry, dropping the oldest past the limit. */
  record(entry: RequestLogEntry): void {
    this.push(entry);
    if (this.length > this.limit) this.splice(0, this.length - this.limit);
  }

  /** Empties the log. */
  clear(): void {
    this.length = 0;
  }
}
