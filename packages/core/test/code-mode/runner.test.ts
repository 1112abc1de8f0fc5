import { describe, expect, it } from 'vitest';
import { createScriptRunner, type HostFunction } from '../../src/code-mode/index.js';

const runner = createScriptRunner();
const none = { functions: {} };
const ms = expect.any(Number);

describe('script runner: values, logs and cp', () => {
  it('returns the script value and its console lines', async () => {
    const code = `
      console.log('counting', 3, { a: 1 }, [true, null]);
      console.info(new TypeError('not a number'));
      console.warn('careful');
      console.error('bad', undefined);
      return { total: 1 + 2, items: ['a', 'b'] };`;
    expect(await runner.run(code, none)).toStrictEqual({
      ok: true,
      value: { total: 3, items: ['a', 'b'] },
      logs: [
        'counting 3 {"a":1} [true,null]',
        'TypeError: not a number',
        '[warn] careful',
        '[error] bad undefined',
      ],
      calls: 0,
      ms,
    });
  });

  it('gives undefined when the script returns nothing', async () => {
    expect(await runner.run('const x = 1;', none)).toStrictEqual({
      ok: true,
      value: undefined,
      logs: [],
      calls: 0,
      ms,
    });
  });

  it('calls host functions as cp methods, with JSON in and out', async () => {
    const seen: unknown[] = [];
    const functions: Record<string, HostFunction> = {
      meetingListPut: async (input) => {
        seen.push(input);
        return { meetings: [{ id: 'm1', start: new Date(0) }], total: 1 };
      },
      tenantGet: async (input) => {
        seen.push(input);
        return undefined;
      },
    };
    const code = `
      const page = await cp.meetingListPut({ when: new Date(0), skip: undefined, n: NaN, list: [1, 'x'] });
      const nothing = await cp.tenantGet();
      return { page, nothing, isPlain: Object.getPrototypeOf(page) === Object.prototype, keys: Object.keys(cp) };`;
    expect(await runner.run(code, { functions })).toStrictEqual({
      ok: true,
      value: {
        page: { meetings: [{ id: 'm1', start: '1970-01-01T00:00:00.000Z' }], total: 1 },
        isPlain: true,
        keys: ['meetingListPut', 'tenantGet'],
      },
      logs: [],
      calls: 2,
      ms,
    });
    expect(seen).toStrictEqual([{ when: '1970-01-01T00:00:00.000Z', n: null, list: [1, 'x'] }, undefined]);
  });

  it('runs calls the script starts together side by side', async () => {
    let running = 0;
    let most = 0;
    const slow: HostFunction = async (input) => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setTimeout(resolve, 20));
      running--;
      return input;
    };
    const code = 'return await Promise.all([1, 2, 3].map((n) => cp.slow(n)));';
    const outcome = await runner.run(code, { functions: { slow } });
    expect(outcome).toStrictEqual({ ok: true, value: [1, 2, 3], logs: [], calls: 3, ms });
    expect(most).toBe(3);
  });

  it('hands a host rejection to the script as a catchable Error with the host message', async () => {
    const functions: Record<string, HostFunction> = {
      meetingGet: async () => {
        throw new Error('Meeting m9 was not found (404): check the id with meeting-list-put.');
      },
      broken: () => {
        throw new TypeError('thrown before any promise');
      },
    };
    const code = `
      const caught = [];
      for (const call of [() => cp.meetingGet({ id: 'm9' }), () => cp.broken()]) {
        try { await call(); } catch (e) { caught.push([e instanceof Error, e.name, e.message]); }
      }
      return caught;`;
    expect(await runner.run(code, { functions })).toStrictEqual({
      ok: true,
      value: [
        [true, 'Error', 'Meeting m9 was not found (404): check the id with meeting-list-put.'],
        [true, 'Error', 'thrown before any promise'],
      ],
      logs: [],
      calls: 2,
      ms,
    });
  });

  it('ends the run with `runtime` and the message when the script does not catch a rejection', async () => {
    const functions = { meetingGet: () => Promise.reject(new Error('Meeting m9 was not found (404).')) };
    const code = "console.log('before');\nawait cp.meetingGet({ id: 'm9' });\nconsole.log('after');";
    expect(await runner.run(code, { functions })).toStrictEqual({
      ok: false,
      error: { kind: 'runtime', message: 'Error: Meeting m9 was not found (404).' },
      logs: ['before'],
      calls: 1,
      ms,
    });
  });

  it('rejects inside the script when a host result is not JSON', async () => {
    const functions = { big: async () => ({ n: 10n }) };
    const code = 'try { await cp.big(); } catch (e) { return e.message; }';
    expect(await runner.run(code, { functions })).toStrictEqual({
      ok: true,
      value: 'cp.big returned a value that is not JSON: Do not know how to serialize a BigInt',
      logs: [],
      calls: 1,
      ms,
    });
  });

  it('reports a thrown error with its line, and a return value that is not JSON', async () => {
    expect(await runner.run('const a = 1;\nconst b = a.missing.deeper;\nreturn b;', none)).toStrictEqual({
      ok: false,
      error: { kind: 'runtime', message: "TypeError: cannot read property 'deeper' of undefined (line 2)" },
      logs: [],
      calls: 0,
      ms,
    });
    expect(await runner.run("throw { code: 'E1' };", none)).toMatchObject({
      error: { kind: 'runtime', message: '{"code":"E1"}' },
    });
    expect(await runner.run('const o = {}; o.self = o; return o;', none)).toMatchObject({
      ok: false,
      error: {
        kind: 'runtime',
        message: expect.stringMatching(/^TypeError: the return value cannot be converted to JSON/),
      },
    });
  });

  it('reports code that does not parse as `syntax`', async () => {
    expect(await runner.run('const x = ;\nreturn x;', none)).toStrictEqual({
      ok: false,
      error: { kind: 'syntax', message: "SyntaxError: unexpected token in expression: ';' (line 1)" },
      logs: [],
      calls: 0,
      ms,
    });
    expect(await runner.run('return [1, 2', none)).toMatchObject({
      error: { kind: 'syntax', message: expect.stringMatching(/\(at the end of the script\)$/) },
    });
    // A JSON.parse failure is a SyntaxError too, but at run time.
    expect(await runner.run("return JSON.parse('{');", none)).toMatchObject({ error: { kind: 'runtime' } });
  });
});
