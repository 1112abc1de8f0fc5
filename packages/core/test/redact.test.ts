import { afterEach, describe, expect, it } from 'vitest';
import { redact } from '../src/index.js';
import { redactDeep, redactResult } from '../src/redact.js';
import { runTool } from './helpers/run-tool.js';
import { json, startStub, text } from './helpers/stub-server.js';
import { csvTool, recordTool, writeTool } from './helpers/tools.js';

const KEY = 'Edge_Key+0123456789/abcdefXYZ=';
const b64 = (s: string) => Buffer.from(s).toString('base64');
const b64url = (s: string) => Buffer.from(s).toString('base64url');

/** The key as an upstream, a proxy or a debug page might echo it. */
const FORMS: Record<string, string> = {
  exact: KEY,
  upper: KEY.toUpperCase(),
  lower: KEY.toLowerCase(),
  'URL-encoded': encodeURIComponent(KEY),
  'URL-encoded, lower-case hex': encodeURIComponent(KEY).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
  bearer: `Bearer ${KEY}`,
  base64: b64(KEY),
  base64url: b64url(KEY),
  'base64 of Bearer': b64(`Bearer ${KEY}`),
  'base64url of Bearer': b64url(`Bearer ${KEY}`),
  'base64 of user:key': b64(`api:${KEY}`),
  hex: Buffer.from(KEY).toString('hex'),
  '12-character prefix': KEY.slice(0, 12),
  '20-character prefix, upper-cased': KEY.slice(0, 20).toUpperCase(),
  'base64 of a prefix': b64(KEY.slice(0, 18)),
};

/** True when any recognisable part of the key is still in the text. */
function leaks(textValue: string): boolean {
  const lower = textValue.toLowerCase();
  return Object.values(FORMS).some((f) => lower.includes(f.toLowerCase().slice(0, 12)));
}

let stub: Awaited<ReturnType<typeof startStub>> | undefined;
afterEach(async () => {
  await stub?.close();
  stub = undefined;
});

describe('redact', () => {
  it.each(Object.entries(FORMS))('removes the key %s', (_name, form) => {
    const out = redact(`before ${form} after`, KEY);
    expect(out).toMatch(/^before .*\[redacted\].* after$/);
    expect(leaks(out)).toBe(false);
  });

  it('redacts a form that shares a long prefix with another whole (the key and its URL encoding)', () => {
    const key = 'abcdefghijklmnop+q/r=';
    expect(redact(`a ${encodeURIComponent(key)} b ${key} c`, key)).toBe('a [redacted] b [redacted] c');
  });

  it('leaves text without the key alone, and short prefixes too', () => {
    const plain = `id 67929af0725ce43853fd2b8c, ${KEY.slice(0, 11)}, ${b64('other')}`;
    expect(redact(plain, KEY)).toBe(plain);
  });

  it('redacts deep, in keys and values, and shares what it did not change', () => {
    const kept = { n: 1, list: [1, 2] };
    const value = { kept, [KEY]: { auth: [`Bearer ${KEY}`, b64(KEY)] }, note: `k=${KEY.toUpperCase()}` };
    const out = redactDeep(value, KEY);
    expect(out).toStrictEqual({
      kept,
      '[redacted]': { auth: ['Bearer [redacted]', '[redacted]'] },
      note: 'k=[redacted]',
    });
    expect(out.kept).toBe(kept);
  });

  it('redacts a tool result: text and structuredContent', () => {
    const result = redactResult(
      { content: [{ type: 'text', text: `{"a":"${KEY}"}` }], structuredContent: { a: KEY } },
      KEY,
    );
    expect(result).toStrictEqual({
      content: [{ type: 'text', text: '{"a":"[redacted]"}' }],
      structuredContent: { a: '[redacted]' },
    });
  });
});

describe('an upstream that echoes the key gets nothing out', () => {
  const echo = Object.fromEntries(Object.entries(FORMS).map(([name, form]) => [name, `seen ${form}`]));

  it('in a 200 JSON body: values, keys, nested, in text and structuredContent', async () => {
    stub = await startStub((req, res) =>
      json(res, 200, { echo, headers: req.headers, [KEY]: 1, nested: [{ [b64(KEY)]: FORMS['upper'] }] }),
    );
    const result = await runTool(recordTool, { thingId: 't' }, { apiKey: KEY, baseUrl: stub.url });
    expect(result.isError).toBeUndefined();
    expect(leaks(JSON.stringify(result))).toBe(false);
    expect(result.structuredContent?.['nested']).toStrictEqual([{ '[redacted]': '[redacted]' }]);
    expect((result.structuredContent?.['headers'] as Record<string, string>)['authorization']).toBe(
      'Bearer [redacted]',
    );
  });

  it('in a JSON body that escapes the key as \\u sequences', async () => {
    const escaped = [...KEY].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
    stub = await startStub((_req, res) => text(res, 200, `{"token":"${escaped}"}`, 'application/json'));
    const result = await runTool(recordTool, { thingId: 't' }, { apiKey: KEY, baseUrl: stub.url });
    expect(result.structuredContent).toStrictEqual({ token: '[redacted]' });
  });

  it('in a 200 CSV body', async () => {
    stub = await startStub((_req, res) =>
      text(res, 200, `a,b\n${FORMS['base64 of Bearer']},${KEY}\n`, 'text/csv'),
    );
    const result = await runTool(csvTool, { start: 's', end: 'e' }, { apiKey: KEY, baseUrl: stub.url });
    // base64("Bearer ") stays, and so do the last characters that mix the key's last byte with padding.
    expect(result).toStrictEqual({
      content: [{ type: 'text', text: 'a,b\nQmVhcmVyIE[redacted]Q==,[redacted]\n' }],
    });
  });

  it.each([400, 401, 403, 404, 409, 422, 429, 500, 502, 503])('in a %i body', async (status) => {
    stub = await startStub((req, res) =>
      json(res, status, {
        errorCode: b64(KEY),
        errorMessage: `${req.headers.authorization} ${Object.values(FORMS).join(' ')}`,
        arguments: { permission: `${KEY}.read` },
      }),
    );
    const result = await runTool(writeTool, { name: 'x' }, { apiKey: KEY, baseUrl: stub.url });
    expect(result.isError).toBe(true);
    expect(leaks(JSON.stringify(result))).toBe(false);
  });
});
