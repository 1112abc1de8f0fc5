/** Errors the executor raises, each with a message written for the model that called the tool. */

/** Why a call failed, in a form a caller can branch on. */
export type EdgeErrorKind =
  | 'invalid-arguments'
  | 'span-too-long'
  | 'bad-request'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'unprocessable'
  | 'rate-limited'
  | 'server-error'
  | 'timeout'
  | 'network'
  | 'aborted'
  | 'unexpected-response'
  | 'response-too-large'
  | 'tool-unavailable'
  | 'confirmation-refused'
  | 'declined'
  | 'internal';

/** A failed tool call. `message` is safe to show a model: it never holds the API key. */
export class EdgeError extends Error {
  override readonly name = 'EdgeError';
  constructor(
    readonly kind: EdgeErrorKind,
    message: string,
    readonly details: {
      readonly status?: number;
      readonly errorCode?: string;
      readonly retryAfterSeconds?: number;
      readonly attempts?: number;
      /** For 403: the permission the key lacks, from the response or else the tool's data. */
      readonly permission?: string;
      /** For `invalid-arguments`: the fields (or path variables) that are wrong. */
      readonly fields?: readonly string[];
      /** For a redirect: the host (never the full URL) the upstream pointed to. */
      readonly location?: string;
    } = {},
  ) {
    super(message);
  }
}

/** The Edge API's JSON error envelope. */
interface EdgeErrorBody {
  errorCode?: unknown;
  errorMessage?: unknown;
  arguments?: unknown;
}

function asEnvelope(body: unknown): EdgeErrorBody | undefined {
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as EdgeErrorBody) : undefined;
}

function upstreamText(body: unknown): string {
  if (typeof body === 'string') return body.trim().slice(0, 500);
  const env = asEnvelope(body);
  if (!env) return '';
  const code = typeof env.errorCode === 'string' ? env.errorCode : '';
  const msg = typeof env.errorMessage === 'string' ? env.errorMessage : '';
  return [code, msg].filter(Boolean).join(': ').slice(0, 500);
}

function missingPermission(body: unknown): string | undefined {
  const env = asEnvelope(body);
  const args = asEnvelope(env?.arguments) as Record<string, unknown> | undefined;
  const fromArgs = args?.['permission'] ?? args?.['requiredPermission'];
  if (typeof fromArgs === 'string') return fromArgs;
  const text = upstreamText(body);
  return /\b([a-z][a-z-]*\.(?:read|create|modify|remove|route|schedule|ping))\b/i.exec(text)?.[1];
}

/** Inputs to {@link toEdgeError}. */
export interface FailedResponse {
  readonly status: number;
  readonly body: unknown;
  readonly toolName: string;
  readonly permission?: string | undefined;
  readonly idempotent: boolean;
  /** Whether the tool only reads (nothing to be unsure about after a failure). */
  readonly reads: boolean;
  /** Present when the tool takes a `revision`: the tool that gives the current one ('' when unknown). */
  readonly revisionFrom?: string | undefined;
  readonly retryAfterSeconds?: number | undefined;
  readonly attempts: number;
}

/** The generic advice after a 404; the executor replaces it with where the tool's ids come from. */
export const NOT_FOUND_ADVICE = 'Check the id; list or search first to get a current one.';

/** What to do after an unexpected status: a 4xx was refused; after a 5xx a write may have been applied. */
function afterFailure(r: FailedResponse): string {
  if (r.status < 500)
    return 'The request was refused, so nothing was changed; check the input and the base URL.';
  if (r.reads) return 'Try again later.';
  return r.idempotent
    ? 'The change may or may not have been applied; repeating this call is safe (it gives the same state).'
    : 'The change may or may not have been applied: check with a read tool before calling it again.';
}

/** Maps an Edge API error response to an {@link EdgeError} whose message says what to do next. */
export function toEdgeError(r: FailedResponse): EdgeError {
  const said = upstreamText(r.body);
  const env = asEnvelope(r.body);
  const errorCode = typeof env?.errorCode === 'string' ? env.errorCode : undefined;
  const base = { status: r.status, attempts: r.attempts, ...(errorCode ? { errorCode } : {}) };
  const quoted = said ? ` The API said: "${said}".` : '';
  switch (true) {
    case r.status === 400:
      return new EdgeError(
        'bad-request',
        `The Edge API rejected the request to ${r.toolName} as invalid (400).${quoted} Fix the named field and call again.`,
        base,
      );
    case r.status === 401:
      return new EdgeError(
        'unauthorized',
        `The Chili Piper API key was rejected (401).${quoted} Check that the key is a current Edge API access token ` +
          '(Command Center > Integrations > Credentials > API Access Tokens) and that it is sent without extra text. ' +
          'Retrying with the same key will fail again.',
        base,
      );
    case r.status === 403: {
      const perm = missingPermission(r.body) ?? r.permission;
      return new EdgeError(
        'forbidden',
        `The API key is not allowed to call ${r.toolName} (403)${perm ? `: it needs the "${perm}" permission` : ''}.${quoted} ` +
          'An admin can add the permission to the token in Command Center; other tools may still work.',
        { ...base, ...(perm ? { permission: perm } : {}) },
      );
    }
    case r.status === 404:
      return new EdgeError(
        'not-found',
        `Nothing was found for ${r.toolName} (404).${quoted} ${NOT_FOUND_ADVICE}`,
        base,
      );
    case r.status === 409:
      return new EdgeError(
        'conflict',
        `${r.toolName} conflicts with the current state (409).${quoted} ` +
          (r.revisionFrom !== undefined
            ? `If it names a revision, read the item again${r.revisionFrom ? ` (${r.revisionFrom})` : ''} and ` +
              'retry with its current revision.'
            : 'Read the current state with a read tool before deciding what to do; the same call fails again.'),
        base,
      );
    case r.status === 422:
      return new EdgeError(
        'unprocessable',
        `The Edge API could not apply ${r.toolName} (422).${quoted} The input is well-formed but not acceptable now; change it rather than retrying.`,
        base,
      );
    case r.status === 429:
      return new EdgeError(
        'rate-limited',
        `Chili Piper is rate limiting requests (429).${r.retryAfterSeconds !== undefined ? ` Wait ${r.retryAfterSeconds} s before calling again.` : ' Wait a little before calling again.'}`,
        { ...base, ...(r.retryAfterSeconds !== undefined ? { retryAfterSeconds: r.retryAfterSeconds } : {}) },
      );
    default:
      return new EdgeError(
        r.status >= 500 ? 'server-error' : 'unexpected-response',
        `The Edge API answered ${r.toolName} with HTTP ${r.status}${r.attempts > 1 ? ` after ${r.attempts} attempts` : ''}.${quoted} ` +
          afterFailure(r),
        base,
      );
  }
}

export { redact } from './redact.js';
