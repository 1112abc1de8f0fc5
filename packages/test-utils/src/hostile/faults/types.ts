import type { ServerResponse } from 'node:http';
import type { FaultHandler } from '../upstream.js';

/** What the suite needs of a tool: its response kind and safety. */
export interface FaultTool {
  readonly name: string;
  readonly response: 'json' | 'text' | 'csv';
  readonly safety: { readonly idempotent: boolean };
  /** Present on lists: where the items are in the answer. */
  readonly view?: { readonly items?: string | undefined } | undefined;
}

/** A JSON answer carrying `payload` the way the tool's answer does: as the one item of a list, or as the record. */
export function jsonBody(tool: FaultTool, payload: unknown): string {
  const items = tool.view?.items;
  if (items === undefined) return JSON.stringify(payload);
  if (items === '') return JSON.stringify([payload]);
  const wrapped = items
    .split('.')
    .reverse()
    .reduce<unknown>((inner, key) => ({ [key]: inner }), [payload]);
  return JSON.stringify(wrapped);
}

/** What a caller gets for {@link jsonBody} (the suite asks lists for `fields: "all"`): the item in `results`. */
export function jsonData(tool: FaultTool, payload: unknown): unknown {
  return tool.view?.items === undefined ? payload : { results: [payload] };
}

/** What a call must come to under a fault. */
export type Expected =
  | {
      readonly error: RegExp;
      /** Requests the upstream must see; a range where a timeout may strike before a retry reaches it. */
      readonly requests: number | { readonly atLeast: number; readonly atMost: number };
      /**
       * Set only for 421 Misdirected Request: fetch itself (the Fetch standard, and undici) re-sends the request
       * once on a new connection, writes included; RFC 9110 §15.5.20 says the first one was not processed.
       */
      readonly resentByFetch?: true;
    }
  | {
      /** The `structuredContent` (JSON tools) or the text (CSV and text tools) the caller must get. */
      readonly data: unknown;
      readonly requests: number;
      /** The waits between attempts the executor must ask for, when the fault is about them. */
      readonly waits?: (waits: readonly number[]) => boolean;
    };

/** One way an upstream misbehaves, and what every tool must make of it. */
export interface Fault {
  readonly name: string;
  /** The upstream never finishes: the call must run with a short timeout, and its requests may be fewer. */
  readonly hangs?: true;
  readonly handler: (tool: FaultTool) => FaultHandler;
  readonly expect: (tool: FaultTool) => Expected;
}

/** Settings the expectations depend on; the suite passes the same to the executor. */
export interface FaultSettings {
  readonly apiKey: string;
  /** The base URL of the "other host" redirects point to. */
  readonly elsewhere: string;
  readonly maxAttempts: number;
  readonly maxResponseBytes: number;
}

/** Writes one whole answer. */
export function answer(
  res: ServerResponse,
  status: number,
  type: string | undefined,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { ...(type ? { 'content-type': type } : {}), ...headers });
  res.end(body);
}

/** The answer of a healthy upstream for a tool's response kind. */
export function healthy(tool: FaultTool, headers: Record<string, string> = {}): FaultHandler {
  return (_req, res) =>
    tool.response === 'json'
      ? answer(res, 200, 'application/json', jsonBody(tool, { marker: 'intact', n: 1 }), headers)
      : answer(res, 200, 'text/csv; charset=utf-8', 'marker,n\nintact,1\n', headers);
}

/** The data a caller gets from {@link healthy}. */
export function healthyData(tool: FaultTool): unknown {
  return tool.response === 'json' ? jsonData(tool, { marker: 'intact', n: 1 }) : 'marker,n\nintact,1\n';
}

/** Attempts a call makes when every attempt fails: all of them when it is retried and the tool idempotent. */
export function attempts(s: FaultSettings, tool: FaultTool, retried: boolean): number {
  return retried && tool.safety.idempotent ? s.maxAttempts : 1;
}

/** An error expected after exactly one request, whatever the tool. */
export const once = (error: RegExp) => (): Expected => ({ error, requests: 1 });
