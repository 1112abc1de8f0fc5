import { describe, expect, it } from 'vitest';
import { createScriptRunner, type HostFunction } from '../../src/code-mode/index.js';

const runner = createScriptRunner();
const none = { functions: {} };
const ms = expect.any(Number);

// What a script may see: the language's own globals, `cp` and `console`. A new global after an engine upgrade
// fails here on purpose: decide whether scripts may have it.
const LANGUAGE = (
  'AggregateError Array ArrayBuffer AsyncDisposableStack BigInt BigInt64Array BigUint64Array ' +
  'Boolean DOMException DataView Date DisposableStack Error EvalError FinalizationRegistry ' +
  'Float16Array Float32Array Float64Array Function Infinity Int16Array Int32Array Int8Array ' +
  'InternalError Iterator JSON Map Math NaN Number Object Promise Proxy RangeError ReferenceError ' +
  'Reflect RegExp Set SharedArrayBuffer String SuppressedError Symbol SyntaxError TypeError ' +
  'URIError Uint16Array Uint32Array Uint8Array Uint8ClampedArray WeakMap WeakRef WeakSet atob btoa ' +
  'decodeURI decodeURIComponent encodeURI encodeURIComponent escape eval globalThis isFinite isNaN ' +
  'parseFloat parseInt performance queueMicrotask undefined unescape'
).split(' ');

describe('script runner: what a script can reach', () => {
  it('sees only the language, cp and console as globals', async () => {
    const outcome = await runner.run('return Object.getOwnPropertyNames(globalThis);', none);
    expect(outcome.ok && (outcome.value as string[]).sort()).toStrictEqual(
      [...LANGUAGE, 'console', 'cp'].sort(),
    );
  });

  it('has no fetch, require, process, XMLHttpRequest, timers or module system', async () => {
    const names = [
      'fetch',
      'require',
      'process',
      'XMLHttpRequest',
      'setTimeout',
      'setInterval',
      'module',
      'Deno',
      'Bun',
    ];
    const code = `return ${JSON.stringify(names)}.map((name) => typeof globalThis[name]);`;
    expect(await runner.run(code, none)).toStrictEqual({
      ok: true,
      value: names.map(() => 'undefined'),
      logs: [],
      calls: 0,
      ms,
    });
  });

  it('refuses import() with a clear error, and an import statement does not parse', async () => {
    expect(await runner.run("return await import('node:fs');", none)).toStrictEqual({
      ok: false,
      error: { kind: 'runtime', message: "ReferenceError: could not load module 'node:fs'" },
      logs: [],
      calls: 0,
      ms,
    });
    expect(await runner.run("import fs from 'node:fs';\nreturn 1;", none)).toMatchObject({
      ok: false,
      error: { kind: 'syntax' },
    });
  });

  it('gives cp only the host functions, and nothing of the host through them', async () => {
    const functions: Record<string, HostFunction> = { tenantGet: async () => ({ ok: true }) };
    const code = `
      const f = cp.tenantGet;
      return {
        own: Object.getOwnPropertyNames(cp),
        proto: Object.getPrototypeOf(cp),
        frozen: Object.isFrozen(cp),
        ctorIsLocal: f.constructor === (async () => {}).constructor,
        escape: f.constructor.constructor('return typeof process')(),
      };`;
    expect(await runner.run(code, { functions })).toStrictEqual({
      ok: true,
      value: { own: ['tenantGet'], proto: null, frozen: true, ctorIsLocal: true, escape: 'undefined' },
      logs: [],
      calls: 0,
      ms,
    });
  });

  it('keeps nothing from one run to the next', async () => {
    const first = `
      globalThis.leaked = 'yes';
      Array.prototype.extra = 1;
      cp = 'overwritten';
      return typeof leaked;`;
    expect(await runner.run(first, none)).toMatchObject({ ok: true, value: 'string' });
    const second = 'return [typeof leaked, typeof [].extra, typeof cp, typeof console.log];';
    expect(await runner.run(second, none)).toStrictEqual({
      ok: true,
      value: ['undefined', 'undefined', 'object', 'function'],
      logs: [],
      calls: 0,
      ms,
    });
  });

  it('keeps concurrent runs apart: their own cp, logs, globals and results', async () => {
    const runs = [1, 2, 3, 4].map((n) => {
      const functions: Record<string, HostFunction> = {
        whoAmI: async () => {
          await new Promise((resolve) => setTimeout(resolve, 5 * (5 - n)));
          return { n };
        },
      };
      const code = `
        globalThis.mine = ${n};
        console.log('run', ${n});
        const { n } = await cp.whoAmI();
        await cp.whoAmI();
        return { n, mine: globalThis.mine };`;
      return runner.run(code, { functions });
    });
    expect(await Promise.all(runs)).toStrictEqual(
      [1, 2, 3, 4].map((n) => ({ ok: true, value: { n, mine: n }, logs: [`run ${n}`], calls: 2, ms })),
    );
  });
});
