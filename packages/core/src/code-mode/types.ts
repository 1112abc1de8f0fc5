/**
 * Why a script run failed. `syntax`: the code does not parse. `runtime`: it threw, or rejected, and did not
 * catch it. `timeout`, `memory`, `call-limit`, `output-limit`: it hit one of the {@link ScriptLimits}.
 * `aborted`: the caller's signal ended it.
 */
export type ScriptErrorKind =
  'syntax' | 'runtime' | 'timeout' | 'memory' | 'call-limit' | 'output-limit' | 'aborted';

/** What a script may use. Every run gets these, whatever it does. */
export interface ScriptLimits {
  /** Wall time of one run in milliseconds, host calls included (default 15000). */
  readonly timeoutMs: number;
  /** Memory the script's heap may use, in bytes (default 32 MiB). */
  readonly memoryBytes: number;
  /** Stack the script may use, in bytes (default 64 KiB: about 250 nested calls; at most 512 KiB). */
  readonly stackBytes: number;
  /** Host calls (`cp.*`) one run may make (default 100). */
  readonly calls: number;
  /** Characters of the return value as JSON (default 40000). */
  readonly resultChars: number;
  /** Characters of console output kept per run; the rest is dropped with a note (default 10000). */
  readonly logChars: number;
  /** Characters kept of one console line (default 1000). */
  readonly logLineChars: number;
}

/**
 * One host function as the script sees it under `cp`. `input` is what the script passed, after a JSON round
 * trip (`undefined` when it passed nothing). The result must be JSON-serializable; a rejection reaches the
 * script as an `Error` with the same message. `signal` aborts when the run ends, in particular at the time
 * limit and on the caller's abort (a run waits for calls the script did not await before it ends).
 */
export type HostFunction = (input: unknown, signal: AbortSignal) => Promise<unknown>;

/** What one run may reach: the functions that become methods of `cp`, and the caller's abort signal. */
export interface ScriptHost {
  readonly functions: Readonly<Record<string, HostFunction>>;
  readonly signal?: AbortSignal | undefined;
}

interface OutcomeBase {
  /** Captured console lines, in order (`warn`/`error` lines start with `[warn] `/`[error] `). */
  readonly logs: string[];
  /** Host calls the script made. */
  readonly calls: number;
  /** Wall time of the run in milliseconds, engine start to result. */
  readonly ms: number;
}

/** The result of one run: the script's return value (parsed from JSON), or why it failed. Never thrown. */
export type ScriptOutcome =
  | (OutcomeBase & { readonly ok: true; readonly value: unknown })
  | (OutcomeBase & {
      readonly ok: false;
      readonly error: { readonly kind: ScriptErrorKind; readonly message: string };
    });

/** Runs model-written scripts, each in a fresh QuickJS runtime. */
export interface ScriptRunner {
  /** The limits every run gets (defaults merged with the options). */
  readonly limits: ScriptLimits;
  /**
   * Runs `code` as the body of an async function with `cp` (one async method per host function) and `console`
   * in scope. Resolves to the outcome; rejects only when the engine itself cannot be loaded.
   */
  run(code: string, host: ScriptHost): Promise<ScriptOutcome>;
}

/** Options of {@link createScriptRunner}. */
export interface ScriptRunnerOptions {
  /**
   * The engine's compiled WebAssembly module (`@jitl/quickjs-ng-wasmfile-release-sync/wasm`), for runtimes that
   * cannot compile WebAssembly from bytes (Cloudflare Workers: import the `.wasm` file as a module) or where the
   * file cannot be found next to the package (bundled apps). Node, Deno and Bun load it by themselves.
   */
  readonly wasmModule?: WebAssembly.Module | undefined;
  /** Overrides of the default {@link ScriptLimits}. */
  readonly limits?: Partial<ScriptLimits> | undefined;
}
