// The public surface of @chilipiper-mcp/core: what users import. Internals stay unexported.
export {
  defineTool,
  TOOL_GROUPS,
  type AnyTool,
  type Confidence,
  type FieldPlacement,
  type Flow,
  type HttpMethod,
  type InputSchema,
  type Operation,
  type Pagination,
  type Safety,
  type SpanLimit,
  type Tool,
  type ToolDocs,
  type ToolGroup,
  type ToolSpec,
} from './tool.js';
export { catalog, getTool, type CatalogTool, type ToolName } from './catalog.js';
export { toRequest, type EdgeRequest } from './to-request.js';
export { EdgeError, redact, type EdgeErrorKind } from './errors.js';
export { DEFAULT_BASE_URL, type RetryPolicy, type AttemptEvent } from './send.js';
export {
  DEFAULT_MAX_RESULT_CHARS,
  ERROR_META_KEY,
  resultText,
  type ErrorData,
  type ResourceLinkContent,
  type TextContent,
  type ToolResult,
} from './results.js';
export { executeTool, type ExecuteOptions } from './execute.js';
export { selectTools, type ToolFilter } from './select.js';
export { ConfigError } from './config-error.js';
export { checkMessage, type JsonRpcErrorAnswer, type Rejection } from './jsonrpc.js';
export {
  optionsFromEnv,
  normalizeKey,
  parseBoolean,
  parseList,
  ENV_VARIABLES,
  KEY_PROBLEM_TEXT,
  type Env,
  type EnvOptions,
  type KeyProblem,
} from './env.js';
export { FLAG_VARIABLES, optionsFromEnvAndFlags, withFlagName, type EnvFlags } from './env-flags.js';
export { createChiliPiperServer, type ChiliPiperServerOptions, type KeyContext } from './server.js';
export { SANDBOX_INSTRUCTIONS } from './instructions.js';
export {
  DEFAULT_CONFIRM_TTL_SECONDS,
  parseConfirm,
  resolveConfirm,
  withoutElicitation,
  type ConfirmOption,
  type ConfirmOptions,
  type ConfirmPolicy,
  type ConfirmTools,
} from './confirm/policy.js';
export type {
  Preview,
  PreviewChange,
  PreviewDiff,
  PreviewFact,
  PreviewRead,
  PreviewReference,
  PreviewSpec,
} from './confirm/types.js';
export type { CodeModeOptions } from './code-mode/options.js';
export { DEFAULT_SCRIPT_LIMITS, type ScriptLimits } from './code-mode/index.js';
export { toMcpTool } from './listing.js';
export { createChiliPiperClient } from './client.js';
export { bindTools, type BoundTool } from './bind-tools.js';
export { ChiliPiperError } from './client-error.js';
export {
  toMethodName,
  type CallOptions,
  type ChiliPiperClient,
  type ClientMethod,
  type ClientMethods,
  type ClientOptions,
  type JsonResult,
  type MethodName,
  type TextResult,
  type ToolOutput,
} from './client-types.js';
