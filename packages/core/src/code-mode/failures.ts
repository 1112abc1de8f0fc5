import type { ScriptErrorKind, ScriptLimits } from './types.js';

/** Why a run ended early, as it will be reported. */
export interface Stop {
  readonly kind: ScriptErrorKind;
  readonly message: string;
}

/** Longest error message reported; scripts can throw anything. */
const MAX_MESSAGE_CHARS = 2_000;

/** The stop of a run that hit one of its limits (or was cancelled), with a message that says what to change. */
export function limitStop(kind: 'timeout' | 'aborted' | 'call-limit' | 'memory', limits: ScriptLimits): Stop {
  switch (kind) {
    case 'timeout':
      return { kind, message: `The script ran longer than ${limits.timeoutMs} ms and was stopped.` };
    case 'aborted':
      return { kind, message: 'The run was cancelled by the caller.' };
    case 'call-limit':
      return {
        kind,
        message: `The script asked for more than ${limits.calls} cp calls, the limit of one run, and was stopped.`,
      };
    case 'memory':
      return {
        kind,
        message: `The script used more than ${limits.memoryBytes} bytes of memory and was stopped. Keep less in memory: count or pick fields as pages arrive.`,
      };
  }
}

/** The engine class whose instances carry errors thrown inside the script. */
export interface EngineErrors {
  readonly JSException: abstract new (...args: never[]) => {
    readonly name: string;
    readonly message: string;
    readonly stack?: string | undefined;
  };
}

/**
 * Turns an exception that escaped the engine into a stop: out of memory, a syntax error while compiling, or
 * a runtime error (including a host stack overflow from very deep nesting).
 */
export function toFailure(
  engine: EngineErrors,
  error: unknown,
  at: { readonly phase: 'compile' | 'run'; readonly lines: number },
  limits: ScriptLimits,
): Stop {
  if (error instanceof engine.JSException) {
    if (error.name === 'InternalError' && error.message === 'out of memory')
      return limitStop('memory', limits);
    const kind = at.phase === 'compile' && error.name === 'SyntaxError' ? 'syntax' : 'runtime';
    return { kind, message: cut(`${error.name}: ${error.message}${lineOf(error.stack, at.lines)}`) };
  }
  if (error instanceof Error) return { kind: 'runtime', message: cut(`${error.name}: ${error.message}`) };
  return { kind: 'runtime', message: cut(String(error)) };
}

/** Cuts a message the script controls to a readable length. */
export function cut(message: string): string {
  return message.length <= MAX_MESSAGE_CHARS ? message : `${message.slice(0, MAX_MESSAGE_CHARS)}…`;
}

/** Where in the script the engine's stack says the error is; past the last line means the script ended early. */
function lineOf(stack: string | undefined, lines: number): string {
  const at = /script\.js:(\d+)/.exec(stack ?? '');
  if (!at) return '';
  return Number(at[1]) > lines ? ' (at the end of the script)' : ` (line ${at[1]})`;
}
