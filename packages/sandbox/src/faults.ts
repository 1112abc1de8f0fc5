import { compileTemplate } from './http/router.js';

/** A fault to inject into matching requests (see docs/sandbox.md). */
export interface FaultSpec {
  /** HTTP method to match (any when omitted). */
  method?: string;
  /** Exact path, a template like `/v1/org/user/read/{userId}`, or a RegExp; relative to the base path. */
  path: string | RegExp;
  /** How many matching requests to affect (default 1; `Infinity` for all). */
  times?: number;
  /** Delay before anything else happens. */
  latencyMs?: number;
  /** Respond with this status instead of handling the request. */
  status?: number;
  /** Seconds, sent as `Retry-After`. */
  retryAfter?: number;
  /** Response body (object → JSON, string → as is). Default: a JSON error envelope. */
  body?: unknown;
  contentType?: string;
  /** Destroy the socket without a response. */
  reset?: true;
  /** Invalid JSON with a JSON content type (status default 200). */
  malformed?: true;
  /** An HTML error page (status default 502). */
  html?: true;
  /** Send the headers, then the body after this delay (the request is otherwise handled normally). */
  slowBodyMs?: number;
}

export interface ActiveFault extends FaultSpec {
  id: number;
  remaining: number;
  hits: number;
}

/** True when the fault only delays (latency and/or slow body) and the request is then handled normally. */
export function isPassThrough(f: FaultSpec): boolean {
  return f.status === undefined && !f.reset && !f.malformed && !f.html && f.body === undefined;
}

/** Registry of injected faults, matched in insertion order. */
export class Faults {
  private faults: (ActiveFault & { regex: RegExp })[] = [];
  private seq = 0;

  /** Adds a fault; returns its live record (`remaining`, `hits`). */
  add(spec: FaultSpec): ActiveFault {
    let regex: RegExp;
    if (spec.path instanceof RegExp) regex = spec.path;
    else {
      const path = spec.path.replace(/^\/api\/fire-edge(?=\/)/, '').split('?')[0] ?? '';
      regex = compileTemplate(path).regex;
    }
    const fault = { ...spec, id: ++this.seq, remaining: spec.times ?? 1, hits: 0, regex };
    this.faults.push(fault);
    return fault;
  }

  /** Removes every fault. */
  clear(): void {
    this.faults = [];
  }

  /** Active faults (with remaining counts). */
  list(): ActiveFault[] {
    return this.faults.filter((f) => f.remaining > 0);
  }

  /** Consumes and returns the first fault matching the request, if any. */
  take(method: string, path: string): ActiveFault | undefined {
    const f = this.faults.find(
      (x) => x.remaining > 0 && (!x.method || x.method.toUpperCase() === method) && x.regex.test(path),
    );
    if (!f) return undefined;
    f.remaining -= 1;
    f.hits += 1;
    if (f.remaining <= 0) this.faults = this.faults.filter((x) => x !== f);
    return f;
  }
}
