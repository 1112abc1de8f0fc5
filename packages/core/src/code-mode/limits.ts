import type { ScriptLimits } from './types.js';

/** The limits a run gets when the options name none. */
export const DEFAULT_SCRIPT_LIMITS: ScriptLimits = Object.freeze({
  timeoutMs: 15_000,
  memoryBytes: 32 * 1024 * 1024,
  stackBytes: 64 * 1024,
  calls: 100,
  resultChars: 40_000,
  logChars: 10_000,
  logLineChars: 1_000,
});

/** The engine's C stack is 1 MiB; quickjs-wasi lets a script use at most half of it (its `MAX_STACK_SIZE`). */
const MAX_STACK_BYTES = 512 * 1024;

/**
 * Merges `overrides` into the defaults and checks each value: a positive whole number (stack at most 512 KiB).
 * Throws a `RangeError` naming the bad limit.
 */
export function resolveLimits(overrides: Partial<ScriptLimits> = {}): ScriptLimits {
  const limits = { ...DEFAULT_SCRIPT_LIMITS };
  for (const [name, value] of Object.entries(overrides) as [keyof ScriptLimits, unknown][]) {
    if (!(name in DEFAULT_SCRIPT_LIMITS))
      throw new RangeError(
        `Unknown code mode limit "${name}"; known: ${Object.keys(DEFAULT_SCRIPT_LIMITS).join(', ')}.`,
      );
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0)
      throw new RangeError(
        `Code mode limit "${name}" must be a positive whole number, got ${JSON.stringify(value)}.`,
      );
    limits[name] = value;
  }
  if (limits.stackBytes > MAX_STACK_BYTES)
    throw new RangeError(
      `Code mode limit "stackBytes" must be at most ${MAX_STACK_BYTES} (the engine's own stack), got ${limits.stackBytes}.`,
    );
  return Object.freeze(limits);
}
