import type { AnyTool } from '../tool.js';

/** handoff tools. */
export const handoffTools: AnyTool[] = [];
