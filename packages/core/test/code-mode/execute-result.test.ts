import { describe, expect, it } from 'vitest';
import { toExecuteResult } from '../../src/code-mode/execute-result.js';
import type { ScriptOutcome } from '../../src/code-mode/types.js';

// The text a model reads after execute: the value, the held-back calls' previews, the console, within budget.

const ok = (value: unknown, logs: string[] = []) => ({ ok: true, value, logs }) as unknown as ScriptOutcome;
const preview = (n: number, size: number) =>
  `Not done yet: preview ${n} ${'x'.repeat(size)} confirm: "c1.t${n}"`;
const FOOTER =
  'In a script, confirm means calling the same cp method again with the same input plus confirm: the token.';

describe('toExecuteResult', () => {
  it('puts the previews between the value and the console', () => {
    const result = toExecuteResult(ok(1, ['log line']), 40_000, '', [preview(1, 10), preview(2, 10)]);
    expect(result).toStrictEqual({
      content: [
        {
          type: 'text',
          text: [
            '1',
            '--- needs confirmation (none of these was sent) ---',
            preview(1, 10),
            '',
            preview(2, 10),
            FOOTER,
            '--- console ---',
            'log line',
          ].join('\n'),
        },
      ],
    });
  });

  it('keeps the first preview whole and names the ones that do not fit', () => {
    const text = (
      toExecuteResult(ok(1), 2_000, '', [preview(1, 900), preview(2, 900), preview(3, 900)]).content[0] as {
        text: string;
      }
    ).text;
    expect(text).toContain(preview(1, 900));
    expect(text).not.toContain('preview 2');
    expect(text).toContain('[2 more held-back calls left out: confirm these first, then run again]');
    expect(text.length).toBeLessThanOrEqual(2_000);
  });

  it('adds nothing when no call was held back', () => {
    expect(toExecuteResult(ok({ a: 1 }), 40_000)).toStrictEqual({
      content: [{ type: 'text', text: '{"a":1}' }],
    });
  });
});
