import type { Tool as McpTool } from '@modelcontextprotocol/sdk/types.js';
import { toListedSchema } from './listed-schema.js';
import type { AnyTool } from './tool.js';

const listings = new WeakMap<AnyTool, McpTool>();

/** The MCP `tools/list` entry of a tool, computed once per tool object. */
export function toMcpTool(tool: AnyTool): McpTool {
  let listed = listings.get(tool);
  if (listed) return listed;
  const schema = toListedSchema(tool.input);
  const { kind, idempotent } = tool.safety;
  listed = {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: { ...schema, type: 'object' },
    annotations: {
      title: tool.title,
      readOnlyHint: kind === 'read',
      destructiveHint: kind === 'destructive',
      idempotentHint: idempotent,
      openWorldHint: true,
    },
    _meta: {
      'chilipiper-mcp/group': tool.group,
      'chilipiper-mcp/operation': `${tool.operation.method} ${tool.operation.path}`,
      'chilipiper-mcp/permission': tool.permission,
    },
  };
  listings.set(tool, listed);
  return listed;
}
