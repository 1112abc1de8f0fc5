/**
 * Confirmation tokens: `c1.<tool>.<expiry>.<arguments hash>.<caller fingerprint>.<signature>`, signed with
 * HMAC-SHA256 through WebCrypto (runtime-neutral). Nothing is stored: the token carries what it is bound to,
 * and the signature proves this server made it. The key is the configured secret, or one derived from the API
 * key in use, so every stateless instance serving that key verifies the others' tokens without configuration.
 */
import { canonicalJson } from './canonical.js';

const VERSION = 'c1';
const encoder = new TextEncoder();

/** What a token is bound to. */
export interface TokenBinding {
  /** The tool's name. */
  readonly tool: string;
  /** The validated arguments (hashed in their canonical JSON form). */
  readonly args: unknown;
  /** The API key in use. */
  readonly apiKey: string;
  /** Who calls beyond the key (an HTTP caller's token subject), when known. */
  readonly caller?: string | undefined;
}

/** Why a token was refused. */
export type TokenProblem =
  'malformed' | 'other-caller' | 'tampered' | 'other-tool' | 'other-arguments' | 'expired';

function base64url(bytes: ArrayBuffer): string {
  let text = '';
  for (const b of new Uint8Array(bytes)) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^[\w-]+$/.test(text)) return undefined;
  try {
    const bin = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return undefined;
  }
}

const sha256 = async (text: string) => base64url(await crypto.subtle.digest('SHA-256', encoder.encode(text)));

const hmacKey = (bytes: BufferSource) =>
  crypto.subtle.importKey('raw', bytes, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']);

/** The signing key: the secret, or HMAC-SHA256(API key, label) when no secret is configured. */
async function signingKey(secret: string | undefined, apiKey: string): Promise<CryptoKey> {
  if (secret !== undefined) return hmacKey(encoder.encode(secret));
  const derived = await crypto.subtle.sign(
    'HMAC',
    await hmacKey(encoder.encode(apiKey)),
    encoder.encode('chilipiper-mcp confirmation key v1'),
  );
  return hmacKey(derived);
}

/** The parts a token carries for a binding (all but the expiry and the signature). */
async function parts(b: TokenBinding): Promise<{ args: string; caller: string }> {
  const [args, caller] = await Promise.all([
    sha256(`${b.tool}\n${canonicalJson(b.args)}`),
    sha256(`chilipiper-mcp caller\n${b.apiKey}\n${b.caller ?? ''}`),
  ]);
  return { args: args.slice(0, 22), caller: caller.slice(0, 16) };
}

const signed = (fields: readonly string[]) => encoder.encode(`chilipiper-mcp confirm\n${fields.join('.')}`);

/** Signs a token for a binding, valid until `expiresAt` (epoch seconds). */
export async function signToken(b: TokenBinding, expiresAt: number, secret?: string): Promise<string> {
  const { args, caller } = await parts(b);
  const fields = [VERSION, b.tool, expiresAt.toString(36), args, caller];
  const signature = await crypto.subtle.sign('HMAC', await signingKey(secret, b.apiKey), signed(fields));
  return `${fields.join('.')}.${base64url(signature)}`;
}

/**
 * Checks a token against the call it is presented with: made by this server (signature), for this caller,
 * this tool and exactly these arguments, and not expired at `now` (epoch seconds). Returns why it is refused.
 */
export async function checkToken(
  token: string,
  b: TokenBinding,
  now: number,
  secret?: string,
): Promise<TokenProblem | undefined> {
  const fields = token.split('.');
  if (fields.length !== 6 || fields[0] !== VERSION) return 'malformed';
  const [, tool, expiry, args, caller, signature] = fields as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const sig = fromBase64url(signature);
  const expiresAt = Number.parseInt(expiry, 36);
  if (!sig || !Number.isSafeInteger(expiresAt)) return 'malformed';
  const expected = await parts(b);
  if (caller !== expected.caller) return 'other-caller';
  const key = await signingKey(secret, b.apiKey);
  if (!(await crypto.subtle.verify('HMAC', key, sig, signed(fields.slice(0, 5))))) return 'tampered';
  if (tool !== b.tool) return 'other-tool';
  if (args !== expected.args) return 'other-arguments';
  if (now > expiresAt) return 'expired';
  return undefined;
}

/** The tool a token names (for messages; unchecked). */
export const tokenTool = (token: string): string => token.split('.')[1] ?? '';
