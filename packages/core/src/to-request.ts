import { CONTROL_FIELDS } from './controls.js';
import type { AnyTool, FieldPlacement, HttpMethod } from './tool.js';

/** A request ready to send: the only place that decides where input fields go. */
export interface EdgeRequest {
  readonly method: HttpMethod;
  /** Path with variables filled and URL-encoded, relative to the base URL. */
  readonly path: string;
  /** Query parameters; arrays repeat the parameter. */
  readonly query: Record<string, string | string[]>;
  readonly headers: Record<string, string>;
  /** JSON body, or undefined when nothing goes in the body. */
  readonly body: unknown;
}

const PATH_VAR = /\{([^}]+)\}/g;

/** Names of the `{var}`s in a path template. */
export function pathVariables(path: string): string[] {
  return [...path.matchAll(PATH_VAR)].map((m) => m[1] as string);
}

/**
 * Where one input field goes: the path, a {@link FieldPlacement}, or nowhere (`none`: the inputs this layer
 * consumes itself, `cursor`, `fields` and filters applied locally).
 */
export type Placement = { readonly in: 'path' } | { readonly in: 'none' } | FieldPlacement;

/**
 * The placement of one input field: an explicit entry on the tool, `none` for what the executor consumes, the
 * paging rule for `pagination`, or the default (path variable, else query for GET/DELETE, else body).
 */
export function placementOf(tool: AnyTool, field: string): Placement {
  if ((CONTROL_FIELDS as readonly string[]).includes(field)) return { in: 'none' };
  if (tool.filters?.some((f) => f.input === field && !f.send)) return { in: 'none' };
  const explicit = tool.fields?.[field];
  if (explicit) return explicit;
  if (field === 'pagination' && tool.pagination) return { in: tool.pagination.in, spread: true };
  if (pathVariables(tool.operation.path).includes(field)) return { in: 'path' };
  const method = tool.operation.method;
  return { in: method === 'GET' || method === 'DELETE' ? 'query' : 'body' };
}

function toQueryValue(value: unknown): string | string[] {
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return typeof value === 'string'
    ? value
    : typeof value === 'object'
      ? JSON.stringify(value)
      : String(value);
}

const hasBody = (method: HttpMethod) => method !== 'GET' && method !== 'DELETE';

/**
 * Turns validated tool input into an HTTP request. Pure: no I/O, no defaults invented, nothing dropped.
 * Undefined fields are left out; every other field lands in exactly one place.
 */
export function toRequest(tool: AnyTool, args: Readonly<Record<string, unknown>>): EdgeRequest {
  const query: Record<string, string | string[]> = {};
  const pathValues: Record<string, string> = {};
  let body: Record<string, unknown> | undefined;
  let root: { value: unknown } | undefined;

  for (const [field, value] of Object.entries(args)) {
    if (value === undefined) continue;
    const place = placementOf(tool, field);
    if (place.in === 'none') continue;
    if (place.in === 'path') {
      pathValues[field] = String(value);
    } else if ('root' in place) {
      root = { value };
    } else if ('spread' in place) {
      const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
      if (place.in === 'query') for (const [k, v] of entries) query[k] = toQueryValue(v);
      else body = { ...body, ...Object.fromEntries(entries) };
    } else if (place.in === 'query') {
      query[field] = toQueryValue(value);
    } else {
      body = { ...body, [field]: value };
    }
  }
  if (root && body)
    throw new TypeError(`${tool.name}: a root body field leaves no room for other body fields`);

  const path = tool.operation.path.replace(PATH_VAR, (_, name: string) => {
    const value = pathValues[name];
    if (value === undefined) throw new TypeError(`${tool.name}: missing path parameter "${name}"`);
    return encodeURIComponent(value);
  });

  const method = tool.operation.method;
  const finalBody = root ? root.value : (body ?? (hasBody(method) && !tool.noBody ? {} : undefined));
  const headers: Record<string, string> = { accept: acceptFor(tool.response) };
  if (finalBody !== undefined) headers['content-type'] = 'application/json';
  return { method, path, query, headers, body: finalBody };
}

function acceptFor(kind: AnyTool['response']): string {
  if (kind === 'csv') return 'text/csv, application/json;q=0.9';
  if (kind === 'text') return 'text/plain, application/json;q=0.9';
  return 'application/json';
}
