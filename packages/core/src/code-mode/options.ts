import { ConfigError } from '../config-error.js';
import { DEFAULT_SCRIPT_LIMITS, resolveLimits } from './limits.js';
import type { ScriptLimits } from './types.js';

/** Options of code mode (`codeMode` of `createChiliPiperServer` and the HTTP handlers). */
export interface CodeModeOptions {
  /**
   * The engine's compiled WebAssembly module (`quickjs-wasi/quickjs.wasm`). Required on Cloudflare Workers
   * (import the `.wasm` file, which the bundler turns into a module) and in bundles that do not ship
   * `node_modules`; Node, Deno and Bun load it by themselves.
   */
  readonly wasmModule?: WebAssembly.Module | undefined;
  /**
   * Limits of one `execute` run (wall time, memory, stack, `cp` calls, result and console sizes). The result
   * and console limits default to what fits the server's `maxResultChars` together; given, they must fit it.
   */
  readonly limits?: Partial<ScriptLimits> | undefined;
}

/** Code mode as a server runs it: the engine module, if given, and the limits of every run. */
export interface ResolvedCodeMode {
  readonly wasmModule?: WebAssembly.Module | undefined;
  readonly limits: ScriptLimits;
}

/** Characters of an `execute` result kept for what is not the value or the console lines (separators, notes). */
export const RESULT_FRAME_CHARS = 300;

const KNOWN = ['wasmModule', 'limits'];

/**
 * Checks the `codeMode` option and sets the limits of a run so that the return value and the console output
 * fit `maxResultChars` together. `undefined` when code mode is off. Throws a `ConfigError` naming what is wrong.
 */
export function resolveCodeMode(value: unknown, maxResultChars: number): ResolvedCodeMode | undefined {
  if (value === undefined || value === false) return undefined;
  if (value !== true && (value === null || typeof value !== 'object' || Array.isArray(value)))
    throw new ConfigError(
      `codeMode must be true or { wasmModule?, limits? }, not ${String(value)}.`,
      'codeMode',
    );
  const given = value === true ? {} : (value as CodeModeOptions);
  const unknown = Object.keys(given).filter((k) => !KNOWN.includes(k));
  if (unknown.length > 0)
    throw new ConfigError(
      `codeMode: unknown option "${unknown[0]}"; known options: ${KNOWN.join(', ')}.`,
      'codeMode',
    );
  const { wasmModule, limits = {} } = given;
  if (wasmModule !== undefined && !(wasmModule instanceof WebAssembly.Module))
    throw new ConfigError('codeMode.wasmModule must be a compiled WebAssembly.Module.', 'codeMode');
  let resolved: ScriptLimits;
  try {
    resolved = resolveLimits({ ...sized(limits, maxResultChars), ...definedOnly(limits) });
  } catch (error) {
    throw new ConfigError(`codeMode.limits: ${(error as Error).message}`, 'codeMode');
  }
  const room = maxResultChars - RESULT_FRAME_CHARS;
  if (Number.isFinite(maxResultChars) && resolved.resultChars + resolved.logChars > room)
    throw new ConfigError(
      `codeMode.limits: resultChars (${resolved.resultChars}) + logChars (${resolved.logChars}) must be at most ` +
        `${room}, so an execute result fits maxResultChars (${maxResultChars}).`,
      'codeMode',
    );
  return { ...(wasmModule ? { wasmModule } : {}), limits: resolved };
}

/** The result and log limits the caller did not set, sized to the budget: a quarter for the console. */
function sized(limits: Partial<ScriptLimits>, maxResultChars: number): Partial<ScriptLimits> {
  if (!Number.isFinite(maxResultChars)) return {};
  const room = Math.max(2, maxResultChars - RESULT_FRAME_CHARS);
  const logChars =
    limits.logChars ?? Math.max(1, Math.min(DEFAULT_SCRIPT_LIMITS.logChars, Math.floor(room / 4)));
  return { logChars, resultChars: Math.max(1, room - logChars) };
}

function definedOnly(limits: Partial<ScriptLimits>): Partial<ScriptLimits> {
  return Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined));
}
