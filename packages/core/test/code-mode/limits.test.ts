import { describe, expect, it } from 'vitest';
import { createScriptRunner, DEFAULT_SCRIPT_LIMITS, type HostFunction } from '../../src/code-mode/index.js';

const none = { functions: {} };
const ms = expect.any(Number);
const fast = createScriptRunner({ limits: { timeoutMs: 300 } });

describe('script runner: limits', () => {
  it.each([
    ['a synchronous loop', 'while (true) {}'],
    [
      'a loop of awaits inside an async function',
      'async function spin() { for (;;) await null; }\nawait spin();',
    ],
    [
      'a loop of microtasks',
      'const again = () => queueMicrotask(again);\nagain();\nawait new Promise(() => {});',
    ],
  ])('stops %s at the time limit, and the runner works right after', async (_name, code) => {
    expect(await fast.run(code, none)).toStrictEqual({
      ok: false,
      error: { kind: 'timeout', message: 'The script ran longer than 300 ms and was stopped.' },
      logs: [],
      calls: 0,
      ms,
    });
    expect(await fast.run('return 1;', none)).toStrictEqual({ ok: true, value: 1, logs: [], calls: 0, ms });
  });

  it('stops a script waiting on a host call at the time limit, and aborts the call', async () => {
    let signal: AbortSignal | undefined;
    const hang: HostFunction = (_input, s) => {
      signal = s;
      return new Promise(() => {});
    };
    const outcome = await fast.run('await cp.hang();', { functions: { hang } });
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'timeout' }, calls: 1 });
    expect(signal?.aborted).toBe(true);
  });

  it('stops a script over its memory limit, even one that catches the error', async () => {
    const small = createScriptRunner({ limits: { memoryBytes: 8 * 1024 * 1024 } });
    const hog = `
      const kept = [];
      try { for (;;) kept.push('x'.repeat(1000) + kept.length); } catch (e) { return 'caught ' + e; }`;
    expect(await small.run(hog, none)).toStrictEqual({
      ok: false,
      error: {
        kind: 'memory',
        message:
          'The script used more than 8388608 bytes of memory and was stopped. Keep less in memory: count or pick fields as pages arrive.',
      },
      logs: [],
      calls: 0,
      ms,
    });
    const fits =
      "const kept = []; for (let i = 0; i < 1000; i++) kept.push('x'.repeat(1000) + i); return kept.length;";
    expect(await small.run(fits, none)).toMatchObject({ ok: true, value: 1000 });
  });

  it('ends deep recursion with a RangeError, and the runner works right after', async () => {
    const deepest = createScriptRunner({ limits: { stackBytes: 512 * 1024 } });
    const codes = [
      'function down() { return down() + 1; }\nreturn down();',
      "return eval('['.repeat(100000) + ']'.repeat(100000));",
    ];
    for (const code of codes)
      expect(await deepest.run(code, none)).toMatchObject({
        ok: false,
        error: {
          kind: 'runtime',
          message: expect.stringMatching(/^RangeError: Maximum call stack size exceeded/),
        },
      });
    expect(await deepest.run('return 2;', none)).toMatchObject({ ok: true, value: 2 });
  });

  it('stops a script that asks for more cp calls than allowed, even if it catches the refusal', async () => {
    let made = 0;
    const tick: HostFunction = async () => ++made;
    const three = createScriptRunner({ limits: { calls: 3 } });
    const code = 'for (let i = 0; i < 5; i++) { try { await cp.tick(); } catch {} }\nreturn made;';
    expect(await three.run(code, { functions: { tick } })).toStrictEqual({
      ok: false,
      error: {
        kind: 'call-limit',
        message: 'The script asked for more than 3 cp calls, the limit of one run, and was stopped.',
      },
      logs: [],
      calls: 3,
      ms,
    });
    expect(made).toBe(3);
  });

  it('refuses a return value over the result limit', async () => {
    const tiny = createScriptRunner({ limits: { resultChars: 100 } });
    expect(await tiny.run("return 'x'.repeat(200);", none)).toStrictEqual({
      ok: false,
      error: {
        kind: 'output-limit',
        message:
          'The return value is 202 characters of JSON; the limit is 100. Return less: filter, count or summarize inside the script.',
      },
      logs: [],
      calls: 0,
      ms,
    });
    expect(await tiny.run("return 'x'.repeat(98);", none)).toMatchObject({ ok: true, value: 'x'.repeat(98) });
  });

  it('cuts long console lines and drops lines past the log limit, saying so', async () => {
    const quiet = createScriptRunner({ limits: { logLineChars: 10, logChars: 40 } });
    const code =
      "console.log('0123456789abcdef');\nfor (let i = 0; i < 5; i++) console.log('line', i);\nreturn 'done';";
    expect(await quiet.run(code, none)).toStrictEqual({
      ok: true,
      value: 'done',
      logs: [
        '0123456789… [6 more characters]',
        'line 0',
        '[4 more console lines dropped: the log is limited to 40 characters]',
      ],
      calls: 0,
      ms,
    });
  });

  it('stops when the caller aborts, before or during the run, and aborts running host calls', async () => {
    expect(await fast.run('return 1;', { ...none, signal: AbortSignal.abort() })).toStrictEqual({
      ok: false,
      error: { kind: 'aborted', message: 'The run was cancelled by the caller.' },
      logs: [],
      calls: 0,
      ms: 0,
    });
    const controller = new AbortController();
    let signal: AbortSignal | undefined;
    const wait: HostFunction = (_input, s) => {
      signal = s;
      setTimeout(() => controller.abort(), 10);
      return new Promise(() => {});
    };
    const outcome = await fast.run('await cp.wait();', { functions: { wait }, signal: controller.signal });
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'aborted' }, calls: 1 });
    expect(signal?.aborted).toBe(true);
  });

  it('checks the limits it is given', () => {
    expect(createScriptRunner().limits).toStrictEqual(DEFAULT_SCRIPT_LIMITS);
    expect(() => createScriptRunner({ limits: { timeoutMs: -1 } })).toThrow(
      'Code mode limit "timeoutMs" must be a positive whole number, got -1.',
    );
    expect(() => createScriptRunner({ limits: { stackBytes: 1024 * 1024 } })).toThrow(/at most 524288/);
    expect(() => createScriptRunner({ limits: { fuel: 1 } as never })).toThrow(
      /Unknown code mode limit "fuel"/,
    );
  });
});
