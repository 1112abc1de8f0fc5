import { createChiliPiperServer, withoutElicitation, type AnyTool } from '@chilipiper-mcp/core';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { authenticator, METADATA_PATH, protectedResourceMetadata, type AuthResult } from './auth.js';
import { readJsonRpc } from './body.js';
import { normalizePath, resolveConfig } from './config.js';
import { narrowTools } from './narrow.js';
import type { WebHandlerOptions } from './options.js';
import { INTERNAL_ERROR, json, preflight, rpcError, SERVER_ERROR, withCors } from './responses.js';

/** A web-standard handler, plus the path test adapters use to pass other paths on (e.g. Express `next()`). */
export interface FetchHandler {
  (request: Request): Promise<Response>;
  /** True when a pathname is served by this handler (the MCP path, `/healthz`, protected-resource metadata). */
  readonly handles: (pathname: string) => boolean;
}

/** The health-check path, answered `{"status":"ok"}` without auth and without Host checks. */
export const HEALTH_PATH = '/healthz';

const logMessage = (error: unknown) =>
  console.error('chilipiper-mcp: internal error:', error instanceof Error ? error.message : String(error));

/**
 * Creates the stateless Streamable HTTP handler: `(Request) => Promise<Response>` for Next.js, Vercel,
 * Cloudflare Workers, Deno, Bun or any fetch-style runtime. Every POST gets a fresh MCP server bound to that
 * request's key and tool set, so nothing is shared between requests and no sticky sessions are needed.
 * Throws a `ConfigError` at once when the options are wrong (missing credentials, bad tool filter, …).
 */
export function createFetchHandler(options: WebHandlerOptions): FetchHandler {
  const config = resolveConfig(options);
  const { credentials, path } = config;
  const authenticate = authenticator(credentials, path);
  const onError = options.onError ?? logMessage;
  const { include: _i, exclude: _e, readOnly: _r, tools: _t, credentials: _c, ...rest } = options;
  const {
    path: _p,
    allowedHosts: _h,
    allowedOrigins: _o,
    maxBodyBytes: _m,
    onError: _x,
    confirm: _f,
    ...core
  } = rest;
  // JSON answers cannot carry a server-to-client request, so confirmation goes by preview and token here.
  const confirm = withoutElicitation(config.confirm);
  const deployedNames = config.deployed.map((t) => t.name);
  const metadataPaths = credentials.mode === 'server-key' ? [METADATA_PATH, `${METADATA_PATH}${path}`] : [];
  const handles = (pathname: string) => {
    const p = normalizePath(pathname);
    return p === path || p === HEALTH_PATH || metadataPaths.includes(p);
  };

  async function mcp(
    request: Request,
    body: unknown,
    tools: readonly AnyTool[],
    auth: AuthResult & { ok: true },
  ) {
    // The full catalog filtered by name, so a hidden tool is reported as "not enabled" rather than unknown.
    const include = tools === config.deployed ? deployedNames : tools.map((t) => t.name);
    const server = createChiliPiperServer({
      ...core,
      tools: config.known,
      include,
      confirm,
      apiKey: auth.apiKey,
    });
    // No sessionIdGenerator: stateless. JSON responses: no stream a platform could cut.
    const transport = new WebStandardStreamableHTTPServerTransport({ enableJsonResponse: true });
    try {
      await server.connect(transport);
      // With JSON responses, this resolves once every request in the body has its answer. Both objects are
      // then garbage: no timer, listener or stream outlives the exchange. They are not closed, because a
      // close here would abort each finished handler's signal and build an error for nothing, every request.
      return await transport.handleRequest(request, {
        parsedBody: body,
        ...(auth.authInfo ? { authInfo: auth.authInfo } : {}),
      });
    } catch (error) {
      await server.close().catch(() => undefined);
      throw error;
    }
  }

  async function route(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const pathname = normalizePath(url.pathname);
    if (pathname === HEALTH_PATH && (request.method === 'GET' || request.method === 'HEAD')) {
      return json(200, { status: 'ok' });
    }
    if (!handles(pathname)) return rpcError(404, SERVER_ERROR, 'Not found');
    const host = request.headers.get('host') ?? url.host;
    if (!config.hostAllowed(host)) return rpcError(403, SERVER_ERROR, 'Forbidden: this Host is not allowed.');
    const origin = request.headers.get('origin');
    if (!config.originAllowed(origin, host)) {
      return rpcError(403, SERVER_ERROR, 'Forbidden: this Origin is not allowed.');
    }
    if (request.method === 'OPTIONS') return preflight(origin);
    if (pathname !== path) {
      if (request.method !== 'GET' || credentials.mode !== 'server-key') {
        return withCors(
          rpcError(405, SERVER_ERROR, 'Method not allowed.', { Allow: 'GET, OPTIONS' }),
          origin,
        );
      }
      return withCors(protectedResourceMetadata(credentials, request, path), origin);
    }
    if (request.method !== 'POST') {
      const message = 'Method not allowed: this stateless MCP endpoint accepts POST only.';
      return withCors(rpcError(405, SERVER_ERROR, message, { Allow: 'POST, OPTIONS' }), origin);
    }
    const auth = await authenticate(request);
    if (!auth.ok) return withCors(auth.response, origin);
    const narrowed = narrowTools(request, config.deployed, config.known);
    if (!narrowed.ok) return withCors(narrowed.response, origin);
    const body = await readJsonRpc(request, config.maxBodyBytes);
    if (!body.ok) return withCors(body.response, origin);
    return withCors(await mcp(request, body.body, narrowed.tools, auth), origin);
  }

  const handler = async (request: Request): Promise<Response> => {
    try {
      return await route(request);
    } catch (error) {
      onError(error);
      return rpcError(500, INTERNAL_ERROR, 'Internal error');
    }
  };
  return Object.assign(handler, { handles });
}
