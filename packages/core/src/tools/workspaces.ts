import type { AnyTool } from '../tool.js';

/** workspaces tools. */
export const workspacesTools: AnyTool[] = [];
