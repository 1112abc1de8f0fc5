import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ConfigError,
  DEFAULT_PATH,
  isLoopbackHostname,
  type WebHandlerOptions,
} from '@chilipiper-mcp/serverless';
import { resolveLimits, serverOptions, type ConnectionLimits } from './limits.js';
import { createNodeHandler } from './node-handler.js';

/** Options of {@link serve}: the handler's options, where to listen, and the connection limits. */
export interface ServeOptions extends WebHandlerOptions, ConnectionLimits {
  /** TCP port (default 3000; `0` picks a free one). */
  readonly port?: number | undefined;
  /** Interface to bind (default `127.0.0.1`). A non-loopback interface also needs `allowedHosts`. */
  readonly host?: string | undefined;
  /** How long `close()` lets in-flight requests finish before cutting connections (default 10000 ms). */
  readonly shutdownTimeoutMs?: number | undefined;
}

/** A started server. */
export interface RunningServer {
  /** The MCP endpoint URL, e.g. `http://127.0.0.1:3000/mcp`. */
  readonly url: string;
  /** The underlying `node:http` server. */
  readonly server: Server;
  /** Stops accepting connections, lets in-flight requests finish (up to the timeout), then closes. */
  close(): Promise<void>;
}

const urlHost = (host: string) =>
  host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;

/**
 * Serves the MCP endpoint over `node:http`, on `127.0.0.1:3000` by default, with header, request and idle
 * timeouts and a connection cap (see {@link ConnectionLimits}). Refuses `allowUnauthenticated` on a
 * non-loopback interface and wrong limits with a `ConfigError`. Resolves once listening.
 */
export async function serve(options: ServeOptions): Promise<RunningServer> {
  const { port = 3000, host = '127.0.0.1', shutdownTimeoutMs = 10_000, ...rest } = options;
  const { headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs, maxConnections, ...handlerOptions } = rest;
  const limits = resolveLimits({ headersTimeoutMs, requestTimeoutMs, keepAliveTimeoutMs, maxConnections });
  const credentials = options.credentials;
  const loopback = isLoopbackHostname(host) || isLoopbackHostname(`[${host}]`);
  if (credentials?.mode === 'server-key' && credentials.allowUnauthenticated && !loopback) {
    throw new ConfigError(
      `allowUnauthenticated needs a loopback host (127.0.0.1, ::1, localhost), not "${host}".`,
    );
  }
  const handler = createNodeHandler(handlerOptions);
  let inflight = 0;
  let closing: Promise<void> | undefined;
  let drained: (() => void) | undefined;
  const server = createServer(serverOptions(limits), (req, res) => {
    inflight += 1;
    if (closing) res.setHeader('connection', 'close');
    res.once('close', () => {
      inflight -= 1;
      if (inflight === 0) drained?.();
    });
    handler(req, res);
  });
  server.maxConnections = limits.maxConnections;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const url = `http://${urlHost(host)}:${address.port}${options.path ?? DEFAULT_PATH}`;

  async function shutdown(): Promise<void> {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    let timer: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([
      new Promise<void>((resolve) => (inflight === 0 ? resolve() : (drained = resolve))),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, shutdownTimeoutMs))),
    ]);
    clearTimeout(timer);
    server.closeAllConnections();
    await closed;
  }
  return { url, server, close: () => (closing ??= shutdown()) };
}
