import { ConfigError } from '../config-error.js';
import type { AnyTool } from '../tool.js';

/** Which tools answer with a preview and act only once confirmed: the destructive ones, or none. */
export type ConfirmTools = 'destructive' | 'none';

/** The confirmation policy in full (the `confirm` option also takes just the {@link ConfirmTools} value). */
export interface ConfirmOptions {
  /** Which tools need confirmation. */
  readonly tools: ConfirmTools;
  /**
   * Secret (at least 32 characters) that signs confirmation tokens. Default: a key derived from the API key in
   * use, so stateless instances serving the same key accept each other's tokens with no configuration.
   */
  readonly secret?: string | undefined;
  /** How long a confirmation token is valid, in seconds (default 600; 10 to 3600). */
  readonly ttlSeconds?: number | undefined;
  /**
   * Ask the person directly (MCP elicitation) when the client supports it and the transport can carry a
   * server-to-client request (default true; the HTTP handlers turn it off: their JSON answers cannot).
   */
  readonly elicit?: boolean | undefined;
}

/** The `confirm` option of servers and handlers. */
export type ConfirmOption = ConfirmTools | ConfirmOptions;

/** A checked policy. */
export interface ConfirmPolicy {
  readonly tools: ConfirmTools;
  readonly secret: string | undefined;
  readonly ttlSeconds: number;
  readonly elicit: boolean;
  /** True when calls of this tool need confirmation. */
  readonly guards: (tool: AnyTool) => boolean;
}

/** Default token lifetime: 10 minutes, time for a person to read a preview. */
export const DEFAULT_CONFIRM_TTL_SECONDS = 600;
const TOOLS: readonly ConfirmTools[] = ['destructive', 'none'];
const KEYS: ReadonlySet<string> = new Set([
  'tools',
  'secret',
  'ttlSeconds',
  'elicit',
] satisfies (keyof ConfirmOptions)[]);

/** Parses a `confirm` setting from text (an environment variable or a flag); a ConfigError names `name`. */
export function parseConfirm(name: string, value: string | undefined): ConfirmTools | undefined {
  const v = value?.trim().toLowerCase();
  if (!v) return undefined;
  if (!TOOLS.includes(v as ConfirmTools)) {
    throw new ConfigError(`${name}: expected "destructive" or "none", got ${JSON.stringify(value)}.`, name);
  }
  return v as ConfirmTools;
}

/** Checks the `confirm` option (default `none`); throws a ConfigError naming what is wrong. */
export function resolveConfirm(option: ConfirmOption | undefined): ConfirmPolicy {
  const o: ConfirmOptions =
    typeof option === 'object' && option !== null ? option : { tools: option ?? 'none' };
  const unknown = Object.keys(o).filter((k) => !KEYS.has(k));
  if (unknown.length > 0) {
    throw new ConfigError(
      `confirm: unknown option "${unknown[0]}" (known: ${[...KEYS].join(', ')}).`,
      'confirm',
    );
  }
  if (!TOOLS.includes(o.tools)) {
    throw new ConfigError(
      `confirm: expected "destructive" or "none", got ${JSON.stringify(o.tools)}.`,
      'confirm',
    );
  }
  if (o.secret !== undefined && (typeof o.secret !== 'string' || o.secret.length < 32)) {
    throw new ConfigError('confirm.secret must be a string of at least 32 characters.', 'confirm.secret');
  }
  const ttl = o.ttlSeconds ?? DEFAULT_CONFIRM_TTL_SECONDS;
  if (!Number.isInteger(ttl) || ttl < 10 || ttl > 3600) {
    throw new ConfigError(
      `confirm.ttlSeconds must be an integer from 10 to 3600, not ${String(ttl)}.`,
      'confirm.ttlSeconds',
    );
  }
  return {
    tools: o.tools,
    secret: o.secret,
    ttlSeconds: ttl,
    elicit: o.elicit ?? true,
    guards: (tool) => o.tools === 'destructive' && tool.safety.kind === 'destructive',
  };
}

/** The policy with elicitation off, as a transport that cannot carry server-to-client requests needs it. */
export function withoutElicitation(option: ConfirmOption): ConfirmOptions {
  return typeof option === 'object' ? { ...option, elicit: false } : { tools: option, elicit: false };
}
