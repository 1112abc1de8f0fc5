import type { IncomingMessage } from 'node:http';
import type { ActiveFault } from '../faults.js';
import { HttpError, invalid } from './errors.js';
import type { Reply } from './router.js';

/** Headers every response carries (the spec declares them on every 200). */
export const COMMON_HEADERS = {
  'Cache-Control': 'no-cache, no-store, max-age=0, must-revalidate',
  'X-Robots-Tag': 'noindex, nofollow',
  Pragma: 'no-cache',
  Expires: '0',
};

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const MAX_BODY = 10 * 1024 * 1024;

/** Reads the request body as UTF-8 (rejects past 10 MiB). */
export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) reject(invalid('body (too large)'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Turns a thrown HttpError into its reply; anything else becomes a 500 JSON envelope. */
export function errorReply(e: unknown): Reply {
  if (e instanceof HttpError) {
    return typeof e.body === 'string'
      ? { status: e.status, text: e.body, headers: e.headers }
      : { status: e.status, json: e.body, headers: e.headers };
  }
  const message = e instanceof Error ? e.message : String(e);
  return {
    status: 500,
    json: { errorCode: 'InternalServerError', errorMessage: `Sandbox handler failed: ${message}` },
  };
}

/** The response of a non-pass-through fault (status, body, content type, headers). */
export function faultReply(f: ActiveFault): {
  status: number;
  body: string;
  contentType: string;
  headers: Record<string, string>;
} {
  const headers: Record<string, string> = {};
  if (f.retryAfter !== undefined) headers['Retry-After'] = String(f.retryAfter);
  if (f.malformed)
    return {
      status: f.status ?? 200,
      body: '{"results": [{"id": "truncated',
      contentType: f.contentType ?? 'application/json',
      headers,
    };
  if (f.html) {
    const status = f.status ?? 502;
    const body = `<!DOCTYPE html><html><head><title>${status} Bad Gateway</title></head><body><h1>${status} Bad Gateway</h1><p>upstream error (injected by the sandbox)</p></body></html>`;
    return { status, body, contentType: f.contentType ?? 'text/html; charset=utf-8', headers };
  }
  const status = f.status ?? 500;
  if (typeof f.body === 'string')
    return { status, body: f.body, contentType: f.contentType ?? 'text/plain; charset=utf-8', headers };
  const json = f.body ?? {
    errorCode: status === 429 ? 'TooManyRequests' : 'InjectedFault',
    errorMessage: `Injected fault (HTTP ${status})`,
  };
  return { status, body: JSON.stringify(json), contentType: f.contentType ?? 'application/json', headers };
}
