import type { AnyTool } from '../tool.js';

/** teams tools. */
export const teamsTools: AnyTool[] = [];
