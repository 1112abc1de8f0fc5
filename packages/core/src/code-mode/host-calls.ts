import type { Deferred, JSValueHandle, QuickJS } from 'quickjs-wasi';
import type { HostFunction } from './types.js';

/** The `cp` bridge of one run: starts host calls for the script and hands their results back to it. */
export interface HostCalls {
  /** The host function the prelude receives as `call(name, inputJson)`. */
  readonly fn: JSValueHandle;
  /** Calls the script started. */
  readonly started: number;
  /** Calls whose result the script has not received yet (running, or finished and not delivered). */
  readonly undelivered: number;
  /** Calls finished on the host whose result waits for {@link deliver}. */
  readonly ready: number;
  /** Settles the script's promises of the calls that finished; may throw the engine's out-of-memory error. */
  deliver(): void;
  /** Resolves when the next call finishes. */
  next(): Promise<void>;
}

interface Finished {
  readonly deferred: Deferred;
  readonly json?: string | undefined;
  readonly error?: string | undefined;
}

/** Options of {@link createHostCalls}. */
export interface HostCallsOptions {
  readonly functions: Readonly<Record<string, HostFunction>>;
  /** Calls allowed in this run. */
  readonly limit: number;
  /** Passed to each host function; aborts when the run ends. */
  readonly signal: AbortSignal;
  /** Told when the script asks for one call more than `limit`. */
  readonly onLimit: () => void;
}

/** Creates the bridge of one run in `vm`. */
export function createHostCalls(vm: QuickJS, options: HostCallsOptions): HostCalls {
  const finished: Finished[] = [];
  let started = 0;
  let delivered = 0;
  const waiters = new Set<() => void>();

  const complete = (result: Finished) => {
    finished.push(result);
    for (const wake of waiters) wake();
    waiters.clear();
  };

  const fn = vm.newFunction('call', (nameHandle, inputHandle) => {
    const name = nameHandle!.toString();
    const deferred = vm.newPromise();
    if (started >= options.limit) {
      options.onLimit();
      vm.newError(`Call limit reached: a run may make at most ${options.limit} cp calls.`).consume((error) =>
        deferred.reject(error),
      );
      return deferred.handle;
    }
    started++;
    const input = inputHandle!.isUndefined ? undefined : (JSON.parse(inputHandle!.toString()) as unknown);
    let call: Promise<unknown>;
    try {
      call = Promise.resolve(options.functions[name]!(input, options.signal));
    } catch (error) {
      call = Promise.reject(error);
    }
    call.then(
      (value) => {
        let json: string | undefined;
        try {
          json = JSON.stringify(value);
        } catch (error) {
          return complete({
            deferred,
            error: `cp.${name} returned a value that is not JSON: ${messageOf(error)}`,
          });
        }
        complete({ deferred, json });
      },
      (error: unknown) => complete({ deferred, error: messageOf(error) }),
    );
    return deferred.handle;
  });

  return {
    fn,
    get started() {
      return started;
    },
    get undelivered() {
      return started - delivered;
    },
    get ready() {
      return finished.length;
    },
    deliver() {
      for (let result = finished.shift(); result; result = finished.shift()) {
        delivered++;
        const { deferred } = result;
        if (result.error !== undefined) vm.newError(result.error).consume((error) => deferred.reject(error));
        else if (result.json === undefined) deferred.resolve(vm.undefined);
        else vm.newString(result.json).consume((json) => deferred.resolve(json));
        deferred.handle.dispose();
      }
    },
    next() {
      return new Promise<void>((resolve) => waiters.add(resolve));
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
