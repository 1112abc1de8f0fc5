import type { ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Flags of every command that talks to Chili Piper (see `config.ts` for their env equivalents). */
export const COMMON_OPTIONS = {
  'api-key': { type: 'string' },
  'base-url': { type: 'string' },
  tools: { type: 'string' },
  'exclude-tools': { type: 'string' },
  'read-only': { type: 'boolean' },
  'log-level': { type: 'string' },
  sandbox: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;

/** Flags only `serve` takes. */
export const SERVE_OPTIONS = {
  confirm: { type: 'string' },
  'code-mode': { type: 'boolean' },
} as const satisfies Options;

/** Flags of `init`. */
export const INIT_OPTIONS = {
  print: { type: 'boolean' },
  name: { type: 'string' },
  path: { type: 'string' },
  scope: { type: 'string' },
  'read-only': { type: 'boolean' },
  tools: { type: 'string' },
  'exclude-tools': { type: 'string' },
  'base-url': { type: 'string' },
  'api-key': { type: 'string' },
  sandbox: { type: 'boolean' },
  npx: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies Options;
