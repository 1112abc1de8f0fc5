import { createSandbox, type Sandbox, type SandboxOptions } from '../src/index.js';

/** Fixed clock used by most tests: a Tuesday, midday UTC. */
export const NOW = new Date('2026-03-10T12:00:00.000Z');

export interface ApiResponse {
  status: number;
  headers: Headers;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any;
}

/** Starts a sandbox with the fixed clock unless overridden. */
export function start(options: SandboxOptions = {}): Promise<Sandbox> {
  return createSandbox({ now: NOW, ...options });
}

/** Calls the sandbox over real HTTP. `key: null` sends no Authorization header. */
export async function call(
  sb: Sandbox,
  method: string,
  path: string,
  body?: unknown,
  opts: { key?: string | null; raw?: string; headers?: Record<string, string> } = {},
): Promise<ApiResponse> {
  const key = opts.key === undefined ? sb.apiKey : opts.key;
  const headers: Record<string, string> = { ...opts.headers };
  if (key !== null) headers.Authorization = `Bearer ${key}`;
  let payload: string | undefined = opts.raw;
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(`${sb.url}${path}`, {
    method,
    headers,
    ...(payload !== undefined ? { body: payload } : {}),
  });
  const text = await res.text();
  let json: unknown = undefined;
  try {
    json = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** ISO helper. */
export const at = (s: string): string => new Date(s).toISOString();
