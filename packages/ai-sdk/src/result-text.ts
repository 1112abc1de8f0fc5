import type { ToolResult } from '@chilipiper-mcp/core';

/** The text a model gets from a tool result: what an MCP client would show it. */
export function resultText(result: ToolResult): string {
  return result.content.map((c) => c.text).join('\n');
}
