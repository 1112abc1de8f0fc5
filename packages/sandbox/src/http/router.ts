import type { ApiKey } from '../auth.js';
import type { Tenant } from '../store.js';
import type { SandboxContext } from '../context.js';

/** What a handler receives. */
export interface Ctx {
  tenant: Tenant;
  key: ApiKey;
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  now: number;
  sandbox: SandboxContext;
}

/** What a handler returns: JSON (default), text, or CSV. */
export interface Reply {
  status?: number;
  json?: unknown;
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export type Handler = (ctx: Ctx) => Reply;

export interface Route {
  /** Operation name (as in operations.txt). */
  name: string;
  method: string;
  path: string;
  permissions: string[];
  /**
   * Path or query parameters typed `format: uuid` by the spec. A value that is not a UUID is refused before the
   * handler runs with the Tapir-style 400 `Invalid value for: path parameter <name>` (or `query parameter`).
   */
  uuidParams?: readonly string[];
  handler: Handler;
}

interface Compiled {
  route: Route;
  regex: RegExp;
  names: string[];
}

/** Compiles `/v1/org/user/read/{userId}` into a regex and its parameter names. */
export function compileTemplate(path: string): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  const pattern = path
    .split('/')
    .map((seg) => {
      const m = /^\{(\w+)\}$/.exec(seg);
      if (!m) return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(m[1] as string);
      return '([^/]+)';
    })
    .join('/');
  return { regex: new RegExp(`^${pattern}$`), names };
}

/** Method + path-template routing: static paths by map lookup, templated ones by regex. */
export class Router {
  private readonly exact = new Map<string, Route>();
  private readonly templated: Compiled[] = [];

  add(routes: Route[]): void {
    for (const route of routes) {
      if (!route.path.includes('{')) this.exact.set(`${route.method} ${route.path}`, route);
      else this.templated.push({ route, ...compileTemplate(route.path) });
    }
  }

  /** Finds the route for a method and path (relative to the base path). */
  match(method: string, path: string): { route: Route; params: Record<string, string> } | undefined {
    const hit = this.exact.get(`${method} ${path}`);
    if (hit) return { route: hit, params: {} };
    for (const c of this.templated) {
      if (c.route.method !== method) continue;
      const m = c.regex.exec(path);
      if (!m) continue;
      const params: Record<string, string> = {};
      let ok = true;
      c.names.forEach((n, i) => {
        try {
          params[n] = decodeURIComponent(m[i + 1] ?? '');
        } catch {
          ok = false;
        }
      });
      if (ok) return { route: c.route, params };
    }
    return undefined;
  }

  /** Every registered route. */
  all(): Route[] {
    return [...this.exact.values(), ...this.templated.map((c) => c.route)];
  }
}
