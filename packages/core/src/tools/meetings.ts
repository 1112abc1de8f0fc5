import type { AnyTool } from '../tool.js';

/** meetings tools. */
export const meetingsTools: AnyTool[] = [];
