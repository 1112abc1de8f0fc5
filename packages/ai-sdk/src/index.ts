// The public surface of @chilipiper-mcp/ai-sdk. `@chilipiper-mcp/ai-sdk/functions` has the function tools
// alone, for apps without the AI SDK.
export { chiliPiperTools, type ChiliPiperTool, type ChiliPiperToolsOptions } from './tool-set.js';
export {
  toFunctionTools,
  type FunctionTool,
  type FunctionToolOutput,
  type FunctionToolsOptions,
} from './functions.js';
