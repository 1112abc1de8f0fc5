import { describe, expect, it } from 'vitest';
import { createScriptRunner, type HostFunction } from '../../src/code-mode/index.js';

const runner = createScriptRunner({ limits: { timeoutMs: 2_000 } });
const ms = expect.any(Number);

/** Host functions that record what they were asked, after a short delay; `fail` rejects. */
function recorder() {
  const done: unknown[] = [];
  const later =
    (value: () => unknown): HostFunction =>
    async (input) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      done.push(input);
      return value();
    };
  const functions: Record<string, HostFunction> = {
    write: later(() => null),
    fail: later(() => {
      throw new Error('Meeting m9 could not be cancelled (409).');
    }),
  };
  return { done, functions };
}

describe('script runner: work the script does not await', () => {
  it('finishes calls the script started and did not await before answering', async () => {
    const { done, functions } = recorder();
    const code =
      "cp.write('a');\n(async () => { await cp.write('b'); await cp.write('c'); })();\nreturn 'sent';";
    expect(await runner.run(code, { functions })).toStrictEqual({
      ok: true,
      value: 'sent',
      logs: [],
      calls: 3,
      ms,
    });
    expect(done).toStrictEqual(['a', 'b', 'c']);
  });

  it('ends the run with `runtime` when a call nobody awaits is rejected', async () => {
    const { functions } = recorder();
    expect(await runner.run("cp.fail('m9');\nreturn 'cancelled';", { functions })).toStrictEqual({
      ok: false,
      error: {
        kind: 'runtime',
        message: 'Unhandled rejection: Error: Meeting m9 could not be cancelled (409).',
      },
      logs: [],
      calls: 1,
      ms,
    });
  });

  it('ends the run with `runtime` when a promise of the script itself is rejected and never handled', async () => {
    expect(
      await runner.run("const x = 1;\nPromise.reject(new RangeError('lost'));\nreturn x;", { functions: {} }),
    ).toStrictEqual({
      ok: false,
      error: { kind: 'runtime', message: 'Unhandled rejection: RangeError: lost (line 2)' },
      logs: [],
      calls: 0,
      ms,
    });
  });

  it('accepts a rejection that the script handles later', async () => {
    const { functions } = recorder();
    const code = `
      const failing = cp.fail('m9');
      await cp.write('meanwhile');
      try { await failing; } catch (e) { return 'handled: ' + e.message; }`;
    expect(await runner.run(code, { functions })).toStrictEqual({
      ok: true,
      value: 'handled: Meeting m9 could not be cancelled (409).',
      logs: [],
      calls: 2,
      ms,
    });
  });
});
