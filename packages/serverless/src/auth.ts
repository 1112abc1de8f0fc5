import type { AuthInfo } from '@modelcontextprotocol/sdk/server/auth/types.js';
import type { Credentials, ServerKeyCredentials } from './options.js';
import { json, rpcError, SERVER_ERROR } from './responses.js';

/** The outcome of authenticating one request: the upstream key to use, or the response to send. */
export type AuthResult =
  | { readonly ok: true; readonly apiKey: string; readonly authInfo?: AuthInfo | undefined }
  | { readonly ok: false; readonly response: Response };

/** The well-known path prefix of OAuth Protected Resource Metadata (RFC 9728). */
export const METADATA_PATH = '/.well-known/oauth-protected-resource';

/** The bearer token of a request, if it carries one. */
export function bearerToken(request: Request): string | undefined {
  const match = /^Bearer[ ]+([^\s]+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  return match?.[1];
}

async function digest(value: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(value)));
}

/** Compares a token with every configured one without an early exit (hashes first, so lengths leak nothing). */
function tokenChecker(tokens: readonly string[]): (token: string) => Promise<boolean> {
  const expected = Promise.all(tokens.map(digest));
  return async (token) => {
    const [given, all] = await Promise.all([digest(token), expected]);
    let found = 0;
    for (const candidate of all) {
      let diff = 0;
      for (let i = 0; i < candidate.length; i++) diff |= candidate[i]! ^ given[i]!;
      found |= diff === 0 ? 1 : 0;
    }
    return found === 1;
  };
}

/** This endpoint's resource URL and its metadata URL (RFC 9728 §3.1: well-known prefix + resource path). */
function resourceUrls(credentials: ServerKeyCredentials, request: Request, path: string) {
  const resource = credentials.resource ?? `${new URL(request.url).origin}${path}`;
  const url = new URL(resource);
  const suffix = url.pathname === '/' ? '' : url.pathname;
  return { resource, metadata: credentials.resourceMetadataUrl ?? `${url.origin}${METADATA_PATH}${suffix}` };
}

/** The RFC 9728 protected-resource metadata document of a server-key deployment. */
export function protectedResourceMetadata(credentials: ServerKeyCredentials, request: Request, path: string) {
  return json(200, {
    resource: resourceUrls(credentials, request, path).resource,
    authorization_servers: credentials.authorizationServers ?? [],
    bearer_methods_supported: ['header'],
    ...(credentials.scopesSupported ? { scopes_supported: credentials.scopesSupported } : {}),
    resource_name: 'Chili Piper MCP',
  });
}

const unauthorized = (challenge: string, message = 'Unauthorized') =>
  rpcError(401, SERVER_ERROR, message, { 'WWW-Authenticate': challenge });

/** The 401 message of caller-key mode: what the caller must send. */
const CALLER_KEY_MISSING =
  'Unauthorized: this server uses each caller\'s own Chili Piper API key. Send it as "Authorization: Bearer <key>" ' +
  '(an Edge API access token from Command Center > Integrations > Credentials > API Access Tokens).';

/** Builds the per-request authenticator of a credentials mode (validated at creation time). */
export function authenticator(
  credentials: Credentials,
  path: string,
): (request: Request) => Promise<AuthResult> {
  if (credentials.mode === 'caller-key') {
    return async (request) => {
      const apiKey = bearerToken(request);
      return apiKey
        ? { ok: true, apiKey }
        : { ok: false, response: unauthorized('Bearer', CALLER_KEY_MISSING) };
    };
  }
  const { apiKey, tokens = [], verifyToken, allowUnauthenticated } = credentials;
  const checkStatic = tokens.length > 0 ? tokenChecker(tokens) : undefined;
  const checking = checkStatic !== undefined || verifyToken !== undefined;
  return async (request) => {
    const token = bearerToken(request);
    const challenge = (error?: string) =>
      `Bearer ${error ? `error="${error}", ` : ''}resource_metadata="${resourceUrls(credentials, request, path).metadata}"`;
    if (token === undefined || !checking) {
      if (allowUnauthenticated) return { ok: true, apiKey };
      return { ok: false, response: unauthorized(challenge()) };
    }
    if (checkStatic && (await checkStatic(token))) {
      return { ok: true, apiKey, authInfo: { token, clientId: 'static-token', scopes: [] } };
    }
    const verified = verifyToken ? await verifyToken(token) : undefined;
    if (verified) {
      const authInfo = {
        token,
        clientId: verified.subject ?? 'bearer',
        scopes: [...(verified.scopes ?? [])],
      };
      return { ok: true, apiKey, authInfo };
    }
    return { ok: false, response: unauthorized(challenge('invalid_token')) };
  };
}
