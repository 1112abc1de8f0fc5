import type { AnyTool } from '../tool.js';

/** scheduling tools. */
export const schedulingTools: AnyTool[] = [];
