import { executeTool, type AnyTool, type ExecuteOptions, type ToolResult } from '../../src/index.js';

/** Options of one tool call in tests: the key, the caller's signal and every executor option, in one object. */
export type RunOptions = ExecuteOptions;

/**
 * Runs a tool through the executor. The one place tests call `executeTool`, so a change of its signature
 * (context and options merged into one object) is made here only.
 */
export function runTool(tool: AnyTool, args: unknown, options: RunOptions): Promise<ToolResult> {
  // Spread at call time: some suites switch options through getters between calls.
  return executeTool(tool, args, { ...options });
}
