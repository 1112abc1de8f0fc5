import type { AnyTool } from '../tool.js';

/** users tools. */
export const usersTools: AnyTool[] = [];
