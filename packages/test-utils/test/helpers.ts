import { executeTool, getTool, type AnyTool, type ToolResult } from '@chilipiper-mcp/core';
import type { HostileCallOptions, HostileTarget } from '../src/index.js';
import { rows } from '../../core/test/fixtures/sample-requests.js';

/**
 * Runs a tool through the executor. The one place these tests call `executeTool`, so a change of its
 * signature (context and options merged into one object) is made here only.
 */
export function runTool(tool: AnyTool, args: unknown, options: HostileCallOptions): Promise<ToolResult> {
  // Spread at call time: the suite switches options through getters between calls.
  return executeTool(tool, args, { ...options });
}

/**
 * Every tool of the catalog with valid arguments: the first row of each in the core's sample requests, asking
 * for whole items where a tool's result is compact by default.
 */
export function catalogTargets(): HostileTarget[] {
  const seen = new Set<string>();
  return rows.flatMap(([name, args]) => {
    if (seen.has(name)) return [];
    seen.add(name);
    const tool = getTool(name)!;
    // Whole, unfiltered items, so what the upstream sends can be compared with what the caller gets.
    const whole: Record<string, unknown> =
      'fields' in tool.input.entries ? { ...args, fields: 'all' } : { ...args };
    for (const filter of tool.filters ?? []) delete whole[filter.input.split('.')[0]!];
    return [{ tool, args: whole }];
  });
}
