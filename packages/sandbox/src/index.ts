export { createSandbox } from './create-sandbox.js';
export type { Sandbox, SandboxOptions, CreateKeyOptions } from './create-sandbox.js';
export type { FaultSpec, ActiveFault, Faults } from './faults.js';
export type { RequestLogEntry, RequestLog } from './request-log.js';
export type { Store, Tenant } from './store.js';
export { ALL_PERMISSIONS, DEMO_KEY, DEMO_READONLY_KEY, GLOBEX_KEY, READ_PERMISSIONS } from './auth.js';
export { DEFAULT_SEED, DEFAULT_SCALE } from './seed/index.js';
export type * from './types.js';
