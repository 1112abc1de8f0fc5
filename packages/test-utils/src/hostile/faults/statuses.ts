import {
  answer,
  attempts,
  healthy,
  healthyData,
  once,
  type Expected,
  type Fault,
  type FaultSettings,
} from './types.js';

const RETRIED = new Set([429, 502, 503, 504]);
const STATUSES = [
  400, 401, 402, 403, 404, 405, 406, 407, 408, 409, 410, 411, 412, 413, 414, 415, 416, 417, 418, 421, 422,
  423, 424, 425, 426, 428, 429, 431, 451, 499, 500, 501, 502, 503, 504, 505, 506, 507, 508, 510, 511, 599,
];
const RETRY_AFTER = [
  '-1',
  '-86400',
  '1e12',
  '99999999999',
  'soon',
  '1.5',
  'Thu, 01 Jan 1970 00:00:00 GMT',
  '0',
];

function statusExpected(s: FaultSettings, status: number): Fault['expect'] {
  // fetch turns a 407 into a network error (407 is for proxies): retried like one, for reads only.
  if (status === 407)
    return (t) => ({ error: /Could not reach the Edge API/, requests: attempts(s, t, true) });
  if (status === 421)
    return () => ({ error: /HTTP 421/, requests: { atLeast: 1, atMost: 2 }, resentByFetch: true });
  return (t) => ({
    error: new RegExp(`[( ]${status}\\)|HTTP ${status}\\b`),
    requests: attempts(s, t, RETRIED.has(status)),
  });
}

/** Every 4xx and 5xx status, and Retry-After values that are negative, huge or malformed. */
export function statusFaults(s: FaultSettings): Fault[] {
  // The suite runs with baseDelayMs 1: the first backoff is between 0.5 and 1 ms.
  const backoff = (w: readonly number[]) => w.length === 1 && w[0]! >= 0.5 && w[0]! <= 1;
  // "0" is taken at its word (retry at once); every other value here falls back to the normal backoff.
  const waitsFor = (value: string) =>
    value === '0' ? (w: readonly number[]) => w.length === 1 && w[0] === 0 : backoff;
  return [
    ...STATUSES.map((status): Fault => ({
      name: `HTTP ${status}`,
      handler: () => (_req, res) =>
        answer(
          res,
          status,
          'application/json',
          JSON.stringify({ errorCode: 'Hostile', errorMessage: `status ${status}` }),
        ),
      expect: statusExpected(s, status),
    })),
    ...RETRY_AFTER.map((value): Fault => ({
      name: `503 with Retry-After ${JSON.stringify(value)}, then 200`,
      handler: (t) => (req, res, n) =>
        n === 1
          ? answer(res, 503, 'application/json', '{}', { 'retry-after': value })
          : healthy(t)(req, res, n),
      expect: (t): Expected =>
        t.safety.idempotent
          ? { data: healthyData(t), requests: 2, waits: waitsFor(value) }
          : { error: /HTTP 503/, requests: 1 },
    })),
    {
      name: '429 with Retry-After 120',
      handler: () => (_req, res) => answer(res, 429, 'application/json', '{}', { 'retry-after': '120' }),
      expect: once(/\(429\)\. Wait 120 s before calling again\./),
    },
  ];
}
