import type { Tool as McpTool } from '@modelcontextprotocol/sdk/types.js';
import { toListedSchema } from './listed-schema.js';
import type { AnyTool } from './tool.js';

const listings = new WeakMap<AnyTool, McpTool>();

/**
 * The description a model reads: the tool's own, plus what its compact result holds (from `tool.view`), so the
 * two can never drift apart.
 */
export function listedDescription(tool: AnyTool): string {
  const keep = tool.view?.keep;
  if (!keep) return tool.description;
  const fields = keep.join(', ');
  return `${tool.description} ${tool.view?.items !== undefined ? 'Items' : 'Returns'}: ${fields}.`;
}

/** The MCP `tools/list` entry of a tool, computed once per tool object. */
export function toMcpTool(tool: AnyTool): McpTool {
  let listed = listings.get(tool);
  if (listed) return listed;
  const schema = toListedSchema(tool.input);
  const { kind, idempotent } = tool.safety;
  listed = {
    name: tool.name,
    title: tool.title,
    description: listedDescription(tool),
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
