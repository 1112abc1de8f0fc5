import { describe, expect, it } from 'vitest';
import { LineReader } from '../src/line-reader.js';

const text = (t: string) => ({ kind: 'text', text: t });
const bytes = (s: string) => Buffer.from(s, 'utf8');

describe('LineReader', () => {
  it('splits lines across chunks, drops CR and blank lines, and keeps a last line without newline', () => {
    const reader = new LineReader(100);
    expect(reader.push(bytes('{"a":1}\r\n{"b":'))).toStrictEqual([text('{"a":1}')]);
    expect(reader.push(bytes('2}\n\n  \n{"c":'))).toStrictEqual([text('{"b":2}')]);
    expect(reader.push(bytes('"é"}'))).toStrictEqual([]);
    expect(reader.end()).toStrictEqual([text('{"c":"é"}')]);
    expect(reader.end()).toStrictEqual([]);
  });

  it('keeps a line of exactly the limit', () => {
    const line = `"${'x'.repeat(8)}"`;
    expect(new LineReader(line.length).push(bytes(`${line}\n`))).toStrictEqual([text(line)]);
  });

  it('drops a line over the limit, counts its bytes, and reads the next line normally', () => {
    const reader = new LineReader(1000);
    const big = `{"jsonrpc":"2.0","method":"tools/call","params":{"x":"${'y'.repeat(5000)}"},"id":42}`;
    const lines = [];
    for (let at = 0; at < big.length; at += 700) lines.push(...reader.push(bytes(big.slice(at, at + 700))));
    lines.push(...reader.push(bytes('\n{"next":true}\n')));
    expect(lines).toStrictEqual([
      { kind: 'oversized', bytes: Buffer.byteLength(big), id: 42 },
      text('{"next":true}'),
    ]);
  });

  it.each([
    ['at the start', `{"jsonrpc":"2.0","id":"req-1","method":"tools/call","params":{"x":"PAD"}}`, 'req-1'],
    ['after method', `{"method":"ping","id":-3,"params":{"x":"PAD"}}`, -3],
    ['at the end', `{"method":"tools/call","params":{"x":"PAD"},"jsonrpc":"2.0","id":7}`, 7],
    ['nowhere', `{"method":"tools/call","params":{"x":"PAD"},"jsonrpc":"2.0"}`, null],
    ['only nested', `{"method":"tools/call","params":{"x":"PAD","args":{"id":9}}}`, null],
    ['only in a string', `{"method":"tools/call","params":{"x":"PAD,\\"id\\":9}"}}`, null],
  ])('finds the id of an oversized line %s', (_where, template, id) => {
    const line = template.replace('PAD', 'z'.repeat(2000));
    expect(new LineReader(500).push(bytes(`${line}\n`))).toStrictEqual([
      { kind: 'oversized', bytes: line.length, id },
    ]);
  });

  it('never holds more than the limit of an endless line', () => {
    const reader = new LineReader(64 * 1024);
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    for (let i = 0; i < 200; i++) reader.push(chunk);
    const held = (reader as unknown as { chunks: Buffer[] }).chunks;
    expect(held).toStrictEqual([]);
    expect(reader.end()).toStrictEqual([{ kind: 'oversized', bytes: 200 * chunk.length, id: null }]);
  });
});
