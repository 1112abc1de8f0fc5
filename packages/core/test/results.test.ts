import { describe, expect, it } from 'vitest';
import { jsonResult, textResult } from '../src/results.js';
import { parseResultUri, resultUri } from '../src/result-link.js';
import { csvTool } from './helpers/tools.js';

describe('jsonResult', () => {
  it('wraps arrays and primitives so structuredContent is always an object', () => {
    expect(jsonResult([1, 2]).structuredContent).toStrictEqual({ results: [1, 2] });
    expect(jsonResult(null).structuredContent).toStrictEqual({ result: null });
    expect(jsonResult({ a: 1 })).toStrictEqual({
      content: [{ type: 'text', text: '{"a":1}' }],
      structuredContent: { a: 1 },
    });
  });

  it('cuts an oversized record with a note and no structured copy', () => {
    const out = jsonResult({ blob: 'x'.repeat(5_000) }, 1_000);
    expect(out.structuredContent).toBeUndefined();
    expect(out.content[0]).toMatchObject({ type: 'text' });
    expect((out.content[0] as { text: string }).text).toMatch(
      /Result cut at 1000 of 5011 characters: pass fields/,
    );
  });
});

describe('textResult', () => {
  const csv = 'Meeting ID,bookedAt\n' + Array.from({ length: 2000 }, (_, i) => `m${i},2026-01-01`).join('\n');

  it('cuts oversized CSV at a row boundary and says so when there is no link', () => {
    const out = textResult(csvTool, csv, 1_000);
    const text = (out.content[0] as { text: string }).text;
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

  it('gives an oversized CSV by reference: a summary and a resource_link', () => {
    const uri = resultUri('test-csv', { start: 'a', end: 'b' });
    const out = textResult(csvTool, csv, 1_000, { uri });
    expect(out.content).toHaveLength(2);
    const [summary, link] = out.content;
    expect((summary as { text: string }).text).toMatch(/^2000 rows, \d+ kB, columns: Meeting ID,bookedAt\./);
    expect((summary as { text: string }).text).toContain('m4,2026-01-01');
    expect((summary as { text: string }).text).not.toContain('m5,2026-01-01');
    expect(link).toStrictEqual({
      type: 'resource_link',
      uri,
      name: 'test-csv.csv',
      mimeType: 'text/csv',
      description: 'Complete output of test-csv (2000 rows).',
    });
  });

  it('keeps a result that fits as plain text', () => {
    expect(textResult(csvTool, 'a,b\n1,2\n', 1_000)).toStrictEqual({
      content: [{ type: 'text', text: 'a,b\n1,2\n' }],
    });
  });
});

describe('result links', () => {
  it('round-trip the tool and its arguments, unicode included', () => {
    const args = { start: '2026-01-01T00:00:00Z', note: 'Zoë ✓' };
    expect(parseResultUri(resultUri('meeting-export-v2-put', args))).toStrictEqual({
      tool: 'meeting-export-v2-put',
      args,
    });
  });

  it('refuse what is not one', () => {
    expect(parseResultUri('https://example.com/x')).toBeUndefined();
    expect(parseResultUri('chilipiper-mcp://result/x?args=%%%')).toBeUndefined();
    expect(parseResultUri('chilipiper-mcp://result/x')).toBeUndefined();
  });
});
