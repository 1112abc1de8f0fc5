/** The App Router route handlers of one MCP endpoint. */
export interface NextRouteHandlers {
  readonly GET: (request: Request) => Promise<Response>;
  readonly POST: (request: Request) => Promise<Response>;
  readonly DELETE: (request: Request) => Promise<Response>;
  readonly OPTIONS: (request: Request) => Promise<Response>;
}

/**
 * Exposes a fetch handler as Next.js App Router route handlers. In `app/mcp/route.ts`:
 * `export const { GET, POST, DELETE, OPTIONS } = toNextRoute(createFetchHandler({ ... }))`.
 * The handler's `path` must be the route's URL path (default `/mcp`, i.e. `app/mcp/route.ts`).
 */
export function toNextRoute(handler: (request: Request) => Promise<Response>): NextRouteHandlers {
  const route = (request: Request) => handler(request);
  return { GET: route, POST: route, DELETE: route, OPTIONS: route };
}
