import type { ApiKey } from './auth.js';
import type { Store } from './store.js';
import type { Sessions } from './sessions.js';

/** Mutable sandbox state shared by the HTTP layer and the handlers. */
export interface SandboxContext {
  store: Store;
  /** Keys by secret. */
  keys: Map<string, ApiKey>;
  sessions: Sessions;
  /** Current time in ms (the configurable clock). */
  now(): number;
  /** Counter for ids minted at runtime (deterministic per reset). */
  nextId(prefix?: string): string;
}
