import { answer, once, type Fault, type FaultSettings } from './types.js';

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(5_000, 3)]);

/** 2xx answers that are not what the tool expects: HTML, binary, empty, invalid JSON, plain text, huge. */
export function contentFaults(s: FaultSettings): Fault[] {
  const cap = Math.round(s.maxResponseBytes / 1000);
  return [
    {
      name: 'an HTML login page in a 200',
      handler: () => (_req, res) =>
        answer(
          res,
          200,
          'text/html; charset=utf-8',
          '<!doctype html><html><head><title>Sign in</title></head></html>',
        ),
      expect: once(/an HTML page titled "Sign in": a proxy or login page in the way\?/),
    },
    {
      name: 'a PNG in a 200',
      handler: () => (_req, res) => answer(res, 200, 'image/png', PNG),
      expect: once(/binary data \(image\/png, 5 kB\)/),
    },
    {
      name: 'an empty 200',
      handler: (t) => (_req, res) =>
        answer(res, 200, t.response === 'json' ? 'application/json' : 'text/csv', ''),
      expect: (t) =>
        t.response === 'json' ? { error: /an empty answer/, requests: 1 } : { data: '', requests: 1 },
    },
    {
      name: 'invalid JSON in a 200',
      handler: () => (_req, res) => answer(res, 200, 'application/json', '{"marker":'),
      expect: once(/invalid JSON/),
    },
    {
      name: 'plain text in a 200',
      handler: () => (_req, res) => answer(res, 200, 'text/plain', 'OK'),
      expect: (t) =>
        t.response === 'json' ? { error: /text instead of JSON/, requests: 1 } : { data: 'OK', requests: 1 },
    },
    {
      name: 'a huge body',
      handler: (t) => (_req, res) => {
        res.writeHead(200, { 'content-type': t.response === 'json' ? 'application/json' : 'text/csv' });
        const chunk = Buffer.alloc(64 * 1024, 'a');
        let left = 200; // 12.8 MB, far past the cap
        const pump = (): void => {
          while (left-- > 0) if (!res.write(chunk)) return void res.once('drain', pump);
          res.end();
        };
        res.on('close', () => (left = 0));
        pump();
      },
      expect: once(new RegExp(`is larger than ${cap} kB, the most this server reads`)),
    },
  ];
}
