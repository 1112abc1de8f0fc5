export * from './tool.js';
export * from './to-request.js';
export { catalog, getTool } from './catalog.js';
export { EdgeError, redact, type EdgeErrorKind } from './errors.js';
export {
  send,
  DEFAULT_BASE_URL,
  DEFAULT_RETRY,
  parseRetryAfter,
  type RetryPolicy,
  type SendOptions,
  type EdgeResponse,
  type AttemptEvent,
} from './send.js';
export { toToolResult, errorResult, DEFAULT_MAX_RESULT_CHARS, type ToolResult } from './results.js';
export { validateArgs, checkSpan, parseStringifiedArgs } from './validate.js';
export { executeTool, type ExecuteOptions, type CallContext } from './execute.js';
export { selectTools, parseList, ConfigError, type ToolFilter } from './toolset.js';
export { checkMessage, type JsonRpcErrorAnswer, type Rejection } from './jsonrpc.js';
export {
  createChiliPiperServer,
  toMcpTool,
  type ChiliPiperServerOptions,
  type KeyContext,
} from './server.js';
