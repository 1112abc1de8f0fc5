import { answer, attempts, once, type Fault, type FaultSettings } from './types.js';

/** Resets, hangs and slow drips; redirects to another host, loops, and a Location made of the key. */
export function transportFaults(s: FaultSettings): Fault[] {
  const unreachable = /Could not reach the Edge API/;
  const late = /did not answer .* in time/;
  const host = new URL(s.elsewhere).host.replace(/\./g, '\\.');
  return [
    {
      name: 'connection reset',
      handler: () => (_req, res) => void res.socket?.destroy(),
      expect: (t) => ({ error: unreachable, requests: attempts(s, t, true) }),
    },
    {
      name: 'connection reset in the middle of the body',
      handler: () => (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"marker":"int');
        setTimeout(() => res.socket?.destroy(), 5);
      },
      expect: (t) => ({ error: unreachable, requests: attempts(s, t, true) }),
    },
    {
      name: 'hang',
      hangs: true,
      handler: () => () => undefined,
      expect: (t) => ({ error: late, requests: { atLeast: 0, atMost: attempts(s, t, true) } }),
    },
    {
      name: 'slow drip',
      hangs: true,
      handler: () => (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        const timer = setInterval(() => res.write(' '), 10);
        res.on('close', () => clearInterval(timer));
      },
      expect: (t) => ({ error: late, requests: { atLeast: 0, atMost: attempts(s, t, true) } }),
    },
    ...[301, 302, 303, 307, 308].map((status): Fault => ({
      name: `${status} to another host`,
      handler: () => (_req, res) =>
        answer(res, status, 'text/html', '<a>moved</a>', {
          location: `${s.elsewhere}/steal?token=${s.apiKey}`,
        }),
      expect: once(new RegExp(`redirect \\(HTTP ${status}\\) to host ${host}\\.`)),
    })),
    {
      name: 'redirect loop',
      handler: () => (req, res) => answer(res, 302, undefined, '', { location: req.url }),
      expect: once(/redirect \(HTTP 302\) to host 127\.0\.0\.1:\d+\./),
    },
    {
      name: 'redirect to a host made of the key',
      handler: () => (_req, res) =>
        answer(res, 307, undefined, '', {
          location: `http://${s.apiKey.toLowerCase().replace(/[^a-z0-9_]/g, '-')}.example.test/`,
        }),
      expect: once(/redirect \(HTTP 307\) to host \[redacted\]/),
    },
  ];
}
