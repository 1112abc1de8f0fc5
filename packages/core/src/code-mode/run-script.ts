import type * as QuickJSWasi from 'quickjs-wasi';
import type { JSValueHandle, QuickJS } from 'quickjs-wasi';
import { limitStop, toFailure, type Stop } from './failures.js';
import { createHostCalls, type HostCalls } from './host-calls.js';
import { createLogCapture, type LogCapture } from './logs.js';
import { toOutcome, type Finished } from './outcome.js';
import { PRELUDE, SCRIPT_FILE, wrapScript } from './prelude.js';
import type { ScriptHost, ScriptLimits, ScriptOutcome } from './types.js';

/** The engine's module namespace, loaded once by the runner. */
export type Engine = typeof QuickJSWasi;

/** The state of one run that its steps share. */
interface Run {
  readonly logs: LogCapture;
  /** Rejected promises no handler has been attached to (yet), by identity, with their reason. */
  readonly unhandled: Map<number, JSValueHandle>;
  /** Set once, by the first limit hit or by the caller's abort; the engine is interrupted from then on. */
  stop: Stop | undefined;
  finished: Finished | undefined;
  /** Resolves when `stop` is set, to wake the driver. */
  readonly stopped: Promise<void>;
}

/**
 * Runs `code` once in a fresh engine instance (its own WebAssembly memory, dropped afterwards) with the host
 * functions as `cp.*`. Never rejects: every failure becomes an outcome.
 */
export async function runScript(
  engine: Engine,
  wasm: WebAssembly.Module,
  code: string,
  host: ScriptHost,
  limits: ScriptLimits,
): Promise<ScriptOutcome> {
  const startedAt = performance.now();
  if (host.signal?.aborted)
    return { ok: false, error: limitStop('aborted', limits), logs: [], calls: 0, ms: 0 };
  const deadline = startedAt + limits.timeoutMs;
  const runEnded = new AbortController();
  let halt: (stop: Stop) => void = () => {};
  const run: Run = {
    logs: createLogCapture(limits),
    unhandled: new Map(),
    stop: undefined,
    finished: undefined,
    stopped: new Promise<void>((resolve) => {
      halt = (stop) => {
        run.stop ??= stop;
        resolve();
      };
    }),
  };
  const timer = setTimeout(() => halt(limitStop('timeout', limits)), limits.timeoutMs);
  const onAbort = () => halt(limitStop('aborted', limits));
  host.signal?.addEventListener('abort', onAbort, { once: true });

  let vm: QuickJS | undefined;
  let calls: HostCalls | undefined;
  let verdict: Stop | undefined;
  let phase: 'compile' | 'run' = 'run';
  try {
    vm = await engine.QuickJS.create({
      wasm,
      memoryLimit: limits.memoryBytes,
      maxStackSize: limits.stackBytes,
      interruptHandler: () => {
        if (!run.stop && performance.now() > deadline) halt(limitStop('timeout', limits));
        return run.stop !== undefined;
      },
      onUnhandledRejection: (promise, reason, handled) => {
        if (handled) run.unhandled.delete(promise.identity);
        else run.unhandled.set(promise.identity, reason.dup());
      },
    });
    calls = createHostCalls(vm, {
      functions: host.functions,
      limit: limits.calls,
      signal: runEnded.signal,
      onLimit: () => halt(limitStop('call-limit', limits)),
    });
    const { start, describe } = setUp(vm, run, calls, Object.keys(host.functions));
    phase = 'compile';
    const script = vm.evalCode(wrapScript(code), SCRIPT_FILE);
    phase = 'run';
    vm.callFunction(start, vm.undefined, script).dispose();
    await drive(vm, run, calls);
    verdict = run.stop;
    const [reason] = run.unhandled.values();
    if (!verdict && run.finished?.ok && reason) {
      const text = vm.callFunction(describe, vm.undefined, reason).consume((h) => h.toString());
      run.finished = { ok: false, message: `Unhandled rejection: ${text}` };
    }
  } catch (error) {
    verdict = run.stop ?? toFailure(engine, error, { phase, lines: code.split('\n').length }, limits);
  } finally {
    clearTimeout(timer);
    host.signal?.removeEventListener('abort', onAbort);
    runEnded.abort();
    vm?.dispose();
  }
  const base = { logs: run.logs.lines, calls: calls?.started ?? 0, ms: performance.now() - startedAt };
  return toOutcome(verdict ?? run.finished!, base, limits);
}

/** Evaluates the prelude in `vm`, installs `cp`, and returns the prelude's `start` and `describe`. */
function setUp(
  vm: QuickJS,
  run: Run,
  calls: HostCalls,
  names: string[],
): { start: JSValueHandle; describe: JSValueHandle } {
  const log = vm.newFunction('log', (level, line) => {
    run.logs.add(level!.toString(), line!.toString());
    return vm.undefined;
  });
  const done = vm.newFunction('done', (ok, text) => {
    run.finished ??= ok!.toBoolean()
      ? { ok: true, json: text!.isUndefined ? undefined : text!.toString() }
      : { ok: false, message: text!.toString() };
    return vm.undefined;
  });
  const helpers = vm
    .evalCode(PRELUDE, 'prelude.js')
    .consume((prelude) => vm.callFunction(prelude, vm.undefined, calls.fn, log, done));
  const install = helpers.getProp('install');
  vm.newString(JSON.stringify(names)).consume((list) =>
    vm.callFunction(install, vm.undefined, list).dispose(),
  );
  return { start: helpers.getProp('start'), describe: helpers.getProp('describe') };
}

/**
 * Alternates between the engine's job queue and the host: delivers finished calls, runs the jobs they
 * unblock, and waits for the next call to finish, until the script's promise has settled and no call it
 * started is pending (as Node waits for pending work before it exits), or the run is stopped.
 */
async function drive(vm: QuickJS, run: Run, calls: HostCalls): Promise<void> {
  for (;;) {
    calls.deliver();
    vm.executePendingJobs();
    if (run.stop) return;
    if (calls.undelivered === 0) {
      run.finished ??= {
        ok: false,
        message: 'The script waits for a promise that nothing will settle (no cp call is pending).',
      };
      return;
    }
    if (calls.ready === 0) await Promise.race([calls.next(), run.stopped]);
  }
}
