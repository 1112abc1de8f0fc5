import type { IncomingMessage, ServerResponse } from 'node:http';
import { bearerToken, missingPermission } from '../auth.js';
import type { SandboxContext } from '../context.js';
import { isPassThrough, type Faults } from '../faults.js';
import type { RequestLog } from '../request-log.js';
import { apiError, invalid } from './errors.js';
import { checkUuidParams } from './validate.js';
import { COMMON_HEADERS, errorReply, faultReply, readBody, sleep } from './responses.js';
import type { Reply, Router } from './router.js';

export interface ServerDeps {
  ctx: SandboxContext;
  router: Router;
  faults: Faults;
  log: RequestLog;
  basePath: string;
}

/** Builds the node:http request listener of the sandbox. */
export function createListener(deps: ServerDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const { ctx, router, faults, log, basePath } = deps;
  return (req, res) => {
    void (async () => {
      const started = Date.now();
      const method = (req.method ?? 'GET').toUpperCase();
      const url = new URL(req.url ?? '/', 'http://sandbox.local');
      const path = url.pathname.startsWith(`${basePath}/`)
        ? url.pathname.slice(basePath.length)
        : url.pathname;
      let raw = '';
      let reply: Reply;
      let operation: string | null = null;
      let keyId: string | null = null;
      let tenant: string | null = null;
      let body: unknown = null;
      let malformed = false;
      const fault = faults.take(method, path);
      try {
        raw = await readBody(req);
        body = raw === '' ? null : raw;
        try {
          if (raw.trim() !== '') body = JSON.parse(raw);
        } catch {
          malformed = true; // logged raw; a 400 once the request is authorized
        }
      } catch {
        res.writeHead(400, { ...COMMON_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('Invalid value for: body');
        return;
      }
      const entry = (status = res.statusCode) => ({
        at: new Date(ctx.now()).toISOString(),
        method,
        path,
        query: Object.fromEntries(url.searchParams),
        operation,
        keyId,
        tenant,
        body,
        status,
        ...(fault ? { fault: fault.id } : {}),
        durationMs: Date.now() - started,
      });
      if (fault?.latencyMs) await sleep(fault.latencyMs);
      if (fault?.reset) {
        log.record(entry(0));
        req.socket.destroy();
        return;
      }
      if (fault && !isPassThrough(fault)) {
        const f = faultReply(fault);
        res.writeHead(f.status, { 'Content-Type': f.contentType, ...f.headers });
        res.end(f.body);
        log.record(entry());
        return;
      }
      try {
        reply = handle();
      } catch (e) {
        reply = errorReply(e);
      }
      const status = reply.status ?? 200;
      const payload = reply.text ?? (reply.json === undefined ? '' : JSON.stringify(reply.json));
      const contentType =
        reply.contentType ?? (reply.text !== undefined ? 'text/plain; charset=utf-8' : 'application/json');
      res.writeHead(status, { ...COMMON_HEADERS, 'Content-Type': contentType, ...reply.headers });
      if (fault?.slowBodyMs) {
        res.flushHeaders();
        await sleep(fault.slowBodyMs);
      }
      if (!res.destroyed) res.end(payload);
      log.record(entry());

      function handle(): Reply {
        if (path === url.pathname) throw apiError(404, 'NotFound', `No route for ${method} ${url.pathname}`);
        const match = router.match(method, path);
        if (!match) throw apiError(404, 'NotFound', `No route for ${method} ${path}`);
        operation = match.route.name;
        const token = bearerToken(req.headers.authorization);
        const key = token === undefined ? undefined : ctx.keys.get(token);
        const t = key ? ctx.store.tenants.get(key.tenantId) : undefined;
        if (!key || !t)
          throw apiError(401, 'Unauthorized', 'Missing or invalid API key: send Authorization: Bearer <key>');
        keyId = key.label;
        tenant = t.subdomain;
        const missing = missingPermission(key, match.route.permissions);
        if (missing)
          throw apiError(403, 'Forbidden', `Operation ${match.route.name} requires permission ${missing}`, {
            permission: missing,
          });
        checkUuidParams(match.route.uuidParams ?? [], match.params, url.searchParams);
        if (malformed) throw invalid('body (malformed JSON)');
        const parsed = raw.trim() === '' ? undefined : body;
        return match.route.handler({
          tenant: t,
          key,
          params: match.params,
          query: url.searchParams,
          body: parsed,
          now: ctx.now(),
          sandbox: ctx,
        });
      }
    })().catch((e: unknown) => {
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ errorCode: 'InternalServerError', errorMessage: String(e) }));
      } else res.destroy();
    });
  };
}
