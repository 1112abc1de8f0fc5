import type { Tool as McpTool } from '@modelcontextprotocol/sdk/types.js';
import { CONFIRM_FIELD } from './guard.js';

const guarded = new WeakMap<McpTool, McpTool>();

/** The listed input field of guarded tools. */
const CONFIRM_PROPERTY = {
  type: 'string',
  description: "confirmationToken from this tool's preview. Leave out on the first call.",
};

/** A tools/list entry with the `confirm` input added (computed once per entry). */
export function withConfirmField(listed: McpTool): McpTool {
  let out = guarded.get(listed);
  if (out) return out;
  const schema = listed.inputSchema;
  out = {
    ...listed,
    inputSchema: { ...schema, properties: { ...schema.properties, [CONFIRM_FIELD]: CONFIRM_PROPERTY } },
  };
  guarded.set(listed, out);
  return out;
}
