import { expect } from 'vitest';
import { keyForms } from '../leaks.js';
import {
  answer,
  attempts,
  healthy,
  healthyData,
  jsonBody,
  jsonData,
  once,
  type Fault,
  type FaultSettings,
} from './types.js';

/** The key echoed back: in 2xx bodies (values and keys), in 4xx/5xx bodies, in response headers. */
export function echoFaults(s: FaultSettings): Fault[] {
  const forms = keyForms(s.apiKey);
  // Forms that are the key alone come back as exactly "[redacted]"; base64("Bearer " + key) keeps its
  // "Bearer " part and its last, padded characters, so it goes in `mixed`, checked for leaks only.
  const whole = Object.keys(forms).filter((k) => !/^base64.*Bearer$/.test(k)) as (keyof typeof forms)[];
  const redacted = Object.fromEntries(
    whole.map((k) => [k, k === 'bearer' ? 'Bearer [redacted]' : '[redacted]']),
  );
  return [
    {
      name: 'key echoed in a 200 body',
      handler: (t) => (_req, res) =>
        t.response === 'json'
          ? answer(
              res,
              200,
              'application/json',
              jsonBody(t, {
                marker: 'intact',
                echo: Object.fromEntries(whole.map((k) => [k, forms[k]])),
                [s.apiKey]: 'as a key',
                mixed: [forms.base64Bearer, forms.base64urlBearer],
              }),
            )
          : answer(
              res,
              200,
              'text/csv',
              `marker,echo\nintact,${forms.exact} ${forms.upper} ${forms.base64} ${forms.hex}\n`,
            ),
      expect: (t) => ({
        data:
          t.response === 'json'
            ? jsonData(t, {
                marker: 'intact',
                echo: redacted,
                '[redacted]': 'as a key',
                mixed: [expect.any(String), expect.any(String)],
              })
            : 'marker,echo\nintact,[redacted] [redacted] [redacted] [redacted]\n',
        requests: 1,
      }),
    },
    {
      name: 'key echoed in response headers',
      handler: (t) =>
        healthy(t, {
          'x-echo': s.apiKey,
          'set-cookie': `session=${forms.urlEncoded}`,
          'www-authenticate': forms.bearer,
          'x-debug': forms.base64Bearer,
        }),
      expect: (t) => ({ data: healthyData(t), requests: 1 }),
    },
    ...[400, 403, 404, 422].map((status): Fault => ({
      name: `key echoed in a ${status} body`,
      handler: () => (_req, res) =>
        answer(
          res,
          status,
          'application/json',
          JSON.stringify({
            errorCode: forms.base64,
            errorMessage: Object.values(forms).join(' '),
            arguments: { permission: `${s.apiKey}.read` },
          }),
        ),
      expect: once(new RegExp(`\\(${status}\\)`)),
    })),
    ...[500, 503].map((status): Fault => ({
      name: `key echoed in a ${status} body`,
      handler: () => (_req, res) => answer(res, status, 'text/plain', Object.values(forms).join('\n')),
      expect: (t) => ({ error: new RegExp(`HTTP ${status}`), requests: attempts(s, t, status === 503) }),
    })),
  ];
}
