import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  ALL_PERMISSIONS,
  DEMO_KEY,
  DEMO_READONLY_KEY,
  GLOBEX_KEY,
  READ_PERMISSIONS,
  type ApiKey,
} from './auth.js';
import type { SandboxContext } from './context.js';
import { Faults } from './faults.js';
import { Router } from './http/router.js';
import { createListener } from './http/server.js';
import { RequestLog } from './request-log.js';
import { allRoutes } from './routes/index.js';
import { buildStore, DEFAULT_SCALE, DEFAULT_SEED } from './seed/index.js';
import { Sessions } from './sessions.js';
import type { Store, Tenant } from './store.js';
import { Prng } from './util/prng.js';

export interface SandboxOptions {
  /** Seed of the generated data (default fixed). */
  seed?: number;
  /** Approximate number of meetings in the demo org (default 3000; e.g. 100_000 for perf work). Users/teams grow a bit. */
  scale?: number;
  /** The clock: a fixed Date or a function returning the current Date (default: real time). */
  now?: Date | (() => Date);
  /** Lifetime of two-phase sessions (default 15 minutes). */
  sessionTtlMs?: number;
  /** Port (default 0 = ephemeral). */
  port?: number;
  /** Host (default 127.0.0.1). */
  host?: string;
  /** Max request-log entries kept (default 10,000; oldest dropped). */
  requestLogLimit?: number;
}

export interface CreateKeyOptions {
  /** `acme` (default), `globex`, or a tenant id. */
  tenant?: string;
  /** Permission names, or 'all' (default). */
  permissions?: readonly string[] | 'all';
  /** Id shown in the request log. */
  label?: string;
}

export interface Sandbox {
  /** Base URL for clients, e.g. `http://127.0.0.1:40123/api/fire-edge`. */
  url: string;
  /** The demo org's full-permission key. */
  apiKey: string;
  /** Fixed demo keys: Acme (all permissions), Acme read-only, Globex (all permissions). */
  keys: { acme: string; acmeReadOnly: string; globex: string };
  /** Live state (mutated by requests). */
  readonly store: Store;
  /** Tenant by subdomain (`acme`, `globex`). */
  tenant(subdomain: string): Tenant;
  requests: RequestLog;
  faults: Faults;
  /** Creates an API key; returns the secret to send as `Authorization: Bearer <key>`. */
  createKey(options?: CreateKeyOptions): string;
  /** Back to the seed: store, sessions, request log, faults (created keys survive). */
  reset(): void;
  close(): Promise<void>;
}

const BASE_PATH = '/api/fire-edge';

/** Starts an in-process Edge API emulator on 127.0.0.1 (ephemeral port by default). */
export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const seed = options.seed ?? DEFAULT_SEED;
  const scale = options.scale ?? DEFAULT_SCALE;
  const clock = options.now;
  const now = (): number =>
    clock === undefined ? Date.now() : typeof clock === 'function' ? clock().getTime() : clock.getTime();
  let idRng = new Prng(seed ^ 0x1d5);
  const sessions = new Sessions(options.sessionTtlMs ?? 15 * 60_000);
  const ctx: SandboxContext = {
    store: buildStore(seed, scale, now()),
    keys: new Map(),
    sessions,
    now,
    nextId: (kind = 'uuid') => (kind === 'hex24' ? idRng.hex24() : idRng.uuid()),
  };
  const requests = new RequestLog();
  requests.limit = options.requestLogLimit ?? 10_000;
  const faults = new Faults();
  const router = new Router();
  router.add(allRoutes);

  const findTenant = (ref: string): Tenant => {
    for (const t of ctx.store.tenants.values()) if (t.subdomain === ref || t.id === ref) return t;
    throw new Error(`Unknown sandbox tenant: ${ref}`);
  };
  let keySeq = 0;
  const addKey = (
    secret: string,
    tenant: string,
    permissions: readonly string[] | 'all',
    label: string,
  ): string => {
    const key: ApiKey = {
      id: label,
      label,
      secret,
      tenantId: findTenant(tenant).id,
      permissions: permissions === 'all' ? 'all' : new Set(permissions),
    };
    ctx.keys.set(secret, key);
    return secret;
  };
  addKey(DEMO_KEY, 'acme', 'all', 'acme-demo');
  addKey(DEMO_READONLY_KEY, 'acme', READ_PERMISSIONS, 'acme-readonly');
  addKey(GLOBEX_KEY, 'globex', 'all', 'globex-demo');

  const server = createServer(createListener({ ctx, router, faults, log: requests, basePath: BASE_PATH }));
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const addr = server.address() as AddressInfo;
  const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;

  return {
    url: `http://${host}:${addr.port}${BASE_PATH}`,
    apiKey: DEMO_KEY,
    keys: { acme: DEMO_KEY, acmeReadOnly: DEMO_READONLY_KEY, globex: GLOBEX_KEY },
    get store() {
      return ctx.store;
    },
    tenant: findTenant,
    requests,
    faults,
    createKey(opts: CreateKeyOptions = {}): string {
      keySeq += 1;
      const label = opts.label ?? `key_${keySeq}`;
      const perms = opts.permissions ?? 'all';
      if (perms !== 'all') {
        const unknown = perms.filter((p) => !(ALL_PERMISSIONS as readonly string[]).includes(p));
        if (unknown.length > 0) throw new Error(`Unknown permission(s): ${unknown.join(', ')}`);
      }
      const secret = `sandbox_${opts.tenant ?? 'acme'}_key_${keySeq}_${new Prng(seed + keySeq * 7919).alnum(24)}`;
      return addKey(secret, opts.tenant ?? 'acme', perms, label);
    },
    reset(): void {
      ctx.store = buildStore(seed, scale, now());
      idRng = new Prng(seed ^ 0x1d5);
      sessions.clear();
      requests.clear();
      faults.clear();
    },
    close(): Promise<void> {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
