export { createFetchHandler, HEALTH_PATH, type FetchHandler } from './handler.js';
export { toNextRoute, type NextRouteHandlers } from './next.js';
export {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_PATH,
  LOOPBACK_HOSTS,
  type CallerKeyCredentials,
  type Credentials,
  type ServerKeyCredentials,
  type VerifiedToken,
  type WebHandlerOptions,
} from './options.js';
export { MIN_TOKEN_LENGTH } from './config.js';
export { METADATA_PATH, bearerToken } from './auth.js';
export { isLoopbackHostname, allLoopback } from './hosts.js';
export { ConfigError } from '@chilipiper-mcp/core';
export { handlerOptionsFromEnv, HTTP_ENV_VARIABLES } from './env.js';
