// The JavaScript that runs inside the engine before the script: it defines `console` and returns `install`
// (defines `cp` from a JSON list of names), `start` (runs the compiled script and reports how it ended) and
// `describe` (an error as one line of text).
// It receives three host functions, none of them reachable from the script:
//   call(name, inputJson) -> Promise<resultJson>   log(level, line)   done(ok, text)
// Everything that crosses is a string: JSON for values, text for logs and errors.

/** File name the script is compiled under; errors name its line numbers. */
export const SCRIPT_FILE = 'script.js';

/** Wraps the script as the body of an async function, on its own first line so line numbers match. */
export function wrapScript(code: string): string {
  return `(async () => {${code}\n})`;
}

/** Evaluated once per run; yields `{ install, start, describe }`. */
export const PRELUDE = `(function (call, log, done) {
  'use strict';
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const then = Promise.prototype.then;
  const show = (value) => {
    try {
      if (typeof value === 'string') return value;
      if (value instanceof Error) return String(value.name) + ': ' + String(value.message);
      if (typeof value === 'function') return '[function ' + (value.name || 'anonymous') + ']';
      if (typeof value !== 'object' || value === null) return String(value);
      const json = stringify(value);
      return json === undefined ? String(value) : json;
    } catch (error) {
      return '[unprintable ' + typeof value + ']';
    }
  };
  const describe = (error) => {
    const at = error instanceof Error ? /script\\.js:(\\d+)/.exec(String(error.stack)) : null;
    return show(error) + (at ? ' (line ' + at[1] + ')' : '');
  };
  const writer = (level) => (...values) => {
    let line = '';
    for (let i = 0; i < values.length; i++) line += (i ? ' ' : '') + show(values[i]);
    log(level, line);
  };
  const console = Object.freeze({
    log: writer('log'), info: writer('info'), debug: writer('debug'), warn: writer('warn'), error: writer('error'),
  });
  Object.defineProperty(globalThis, 'console', { value: console, writable: true, configurable: true });
  const install = (namesJson) => {
    const cp = Object.create(null);
    for (const name of parse(namesJson)) {
      const method = async (input) => {
        const out = await call(name, input === undefined ? undefined : stringify(input));
        return out === undefined ? undefined : parse(out);
      };
      Object.defineProperty(cp, name, { value: method, enumerable: true });
    }
    Object.defineProperty(globalThis, 'cp', { value: Object.freeze(cp), writable: true, configurable: true });
  };
  const finish = (value) => {
    let json;
    try {
      json = stringify(value);
    } catch (error) {
      return done(false, 'TypeError: the return value cannot be converted to JSON: ' + show(error));
    }
    done(true, json);
  };
  const start = (script) => {
    then.call(script(), finish, (error) => done(false, describe(error)));
  };
  return { install, start, describe };
})`;
