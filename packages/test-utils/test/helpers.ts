import { executeTool, getTool, type AnyTool, type ToolResult } from '@chilipiper-mcp/core';
import type { HostileCallOptions, HostileTarget } from '../src/index.js';
import { rows } from '../../core/test/fixtures/sample-requests.js';

/**
 * Runs a tool through the executor. The one place these tests call `executeTool`, so a change of its
 * signature (context and options merged into one object) is made here only.
 */
export function runTool(tool: AnyTool, args: unknown, options: HostileCallOptions): Promise<ToolResult> {
  const { apiKey, ...rest } = options;
  return executeTool(tool, args, { apiKey }, rest);
}

/** Every tool of the catalog with valid arguments: the first row of each in the core's sample requests. */
export function catalogTargets(): HostileTarget[] {
  const seen = new Set<string>();
  return rows.flatMap(([name, args]) => {
    if (seen.has(name)) return [];
    seen.add(name);
    return [{ tool: getTool(name)!, args }];
  });
}
