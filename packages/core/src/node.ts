import { Agent, fetch as undiciFetch, type Dispatcher } from 'undici';
import { createChiliPiperServer as createServer, type ChiliPiperServerOptions } from './server.js';

/** Connection settings of the Node HTTP client. */
export interface NodeFetchOptions {
  /** TCP/TLS connect timeout in ms (default 10000). */
  readonly connectTimeoutMs?: number;
  /** Time to wait for response headers in ms (default 20000). */
  readonly headersTimeoutMs?: number;
  /** Time allowed between body chunks in ms (default 20000). */
  readonly bodyTimeoutMs?: number;
  /** How long an idle keep-alive socket is kept in ms (default 30000). */
  readonly keepAliveTimeoutMs?: number;
  /** Sockets per origin (default 32). */
  readonly connections?: number;
}

/** A fetch bound to its own undici dispatcher, and a way to close its sockets. */
export interface NodeFetch {
  readonly fetch: typeof globalThis.fetch;
  readonly dispatcher: Agent;
  close(): Promise<void>;
}

/**
 * Creates the Node HTTP client the executor uses on Node: undici's fetch over a keep-alive `Agent` with
 * connect, headers and body timeouts. Pass `fetch` to `createChiliPiperServer({ fetch })`.
 */
export function createNodeFetch(options: NodeFetchOptions = {}): NodeFetch {
  const dispatcher = new Agent({
    connect: { timeout: options.connectTimeoutMs ?? 10_000 },
    headersTimeout: options.headersTimeoutMs ?? 20_000,
    bodyTimeout: options.bodyTimeoutMs ?? 20_000,
    keepAliveTimeout: options.keepAliveTimeoutMs ?? 30_000,
    connections: options.connections ?? 32,
  });
  return { fetch: fetchVia(dispatcher), dispatcher, close: () => dispatcher.close() };
}

/** undici's fetch bound to a dispatcher of your own (a proxy agent, a mock agent, a pool with other limits). */
export function fetchVia(dispatcher: Dispatcher): typeof globalThis.fetch {
  return ((input: Parameters<typeof undiciFetch>[0], init?: Parameters<typeof undiciFetch>[1]) =>
    undiciFetch(input, { ...init, dispatcher })) as unknown as typeof globalThis.fetch;
}

let shared: NodeFetch | undefined;

/** A process-wide keep-alive client, created on first use. */
export function sharedNodeFetch(): NodeFetch {
  return (shared ??= createNodeFetch());
}

/**
 * `createChiliPiperServer` with the Node defaults: the process-wide keep-alive undici client, unless `fetch` or
 * an undici `dispatcher` is given. Same options and result as the runtime-neutral one.
 */
export function createChiliPiperNodeServer(
  options: ChiliPiperServerOptions & { readonly dispatcher?: Dispatcher | undefined },
): ReturnType<typeof createServer> {
  const { dispatcher, ...rest } = options;
  const fetch = rest.fetch ?? (dispatcher ? fetchVia(dispatcher) : sharedNodeFetch().fetch);
  return createServer({ ...rest, fetch });
}
