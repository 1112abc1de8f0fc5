export { createNodeHandler, type NodeHandler, type NodeRequest } from './node-handler.js';
export { toWebRequest, writeResponse } from './convert.js';
export { serve, type ServeOptions, type RunningServer } from './serve.js';
export { DEFAULT_LIMITS, type ConnectionLimits } from './limits.js';
export {
  ConfigError,
  createFetchHandler,
  handlerOptionsFromEnv,
  type CallerKeyCredentials,
  type Credentials,
  type ServerKeyCredentials,
  type WebHandlerOptions,
} from '@chilipiper-mcp/serverless';
