import { describe, expect, it } from 'vitest';
import { toToolResult } from '../src/results.js';
import { csvTool, readTool } from './helpers/tools.js';

const ok = (data: unknown) => ({ status: 200, contentType: 'application/json', data, attempts: 1 });

describe('toToolResult', () => {
  it('wraps arrays and primitives so structuredContent is always an object', () => {
    expect(toToolResult(readTool, ok([1, 2])).structuredContent).toStrictEqual({ items: [1, 2] });
    expect(toToolResult(readTool, ok(null)).structuredContent).toStrictEqual({ result: null });
    expect(toToolResult(readTool, { ...ok('ok'), contentType: 'text/plain' })).toStrictEqual({
      content: [{ type: 'text', text: 'ok' }],
    });
  });

  it('cuts an oversized page honestly and says how to get the rest', () => {
    const results = Array.from({ length: 500 }, (_, i) => ({ id: `user-${i}`, name: 'x'.repeat(100) }));
    const out = toToolResult(readTool, ok({ results, total: 500, page: 0, pageSize: 500 }), 10_000);
    const s = out.structuredContent as {
      results: unknown[];
      truncated: { kept: number; omitted: number; hint: string };
    };
    expect(out.content[0]!.text.length).toBeLessThanOrEqual(10_000);
    expect(s.results.length).toBe(s.truncated.kept);
    expect(s.truncated.kept + s.truncated.omitted).toBe(500);
    expect(s.truncated.kept).toBeGreaterThan(50);
    expect(s.truncated.hint).toMatch(/pagination\.pageSize \(at most \d+\)/);
    expect(s['total' as keyof typeof s]).toBe(500);
  });

  it('cuts oversized CSV at a row boundary and says so', () => {
    const csv =
      'Meeting ID,bookedAt\n' + Array.from({ length: 2000 }, (_, i) => `m${i},2026-01-01`).join('\n');
    const out = toToolResult(csvTool, { ...ok(csv), contentType: 'text/csv' }, 1_000);
    const text = out.content[0]!.text;
    expect(text.length).toBeLessThan(1_300);
    expect(text).toMatch(/data rows kept\): narrow the time window/);
    expect(
      text
        .split('\n')
        .slice(0, -1)
        .every((line) => line === '' || /^(Meeting ID|m\d+),/.test(line)),
    ).toBe(true);
    expect(out.structuredContent).toBeUndefined();
  });
});
