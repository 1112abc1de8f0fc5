// Code mode's engine: runs a model-written script in QuickJS compiled to WebAssembly (quickjs-wasi), one fresh
// engine instance per run, with host functions as `cp.*`. The engine's JavaScript and WebAssembly are loaded
// on the first run, so importing this module costs nothing until a script runs.
import { resolveLimits } from './limits.js';
import type { Engine, runScript } from './run-script.js';
import type { ScriptRunner, ScriptRunnerOptions } from './types.js';
import { loadShippedWasm } from './wasm.js';

export { DEFAULT_SCRIPT_LIMITS } from './limits.js';
export type {
  HostFunction,
  ScriptErrorKind,
  ScriptHost,
  ScriptLimits,
  ScriptOutcome,
  ScriptRunner,
  ScriptRunnerOptions,
} from './types.js';

interface Loaded {
  readonly engine: Engine;
  readonly runScript: typeof runScript;
}

let loaded: Promise<Loaded> | undefined;

/** The engine's module and the driver, imported once per process. */
function load(): Promise<Loaded> {
  loaded ??= Promise.all([import('quickjs-wasi'), import('./run-script.js')]).then(
    ([engine, driver]) => ({ engine, runScript: driver.runScript }),
    (error: unknown) => {
      loaded = undefined;
      throw error;
    },
  );
  return loaded;
}

/**
 * Creates a runner of model-written scripts. Each `run` gets a fresh QuickJS instance with its own memory, in
 * which the script is the body of an async function that sees `cp` (one async method per host function, JSON
 * in and out), `console` (captured) and the language, and nothing of the host: no `fetch`, `require`,
 * `import`, `process` or timers. Limits: wall time, memory, stack, calls, result and log size.
 *
 * @throws RangeError when a limit in `options.limits` is not a positive whole number.
 */
export function createScriptRunner(options: ScriptRunnerOptions = {}): ScriptRunner {
  const limits = resolveLimits(options.limits);
  const { wasmModule } = options;
  return {
    limits,
    async run(code, host) {
      if (typeof code !== 'string') throw new TypeError(`The script must be a string, got ${typeof code}.`);
      const [{ engine, runScript }, wasm] = await Promise.all([load(), wasmModule ?? loadShippedWasm()]);
      return runScript(engine, wasm, code, host, limits);
    },
  };
}
