import type { AnyTool } from '../tool.js';

/** distributions tools. */
export const distributionsTools: AnyTool[] = [];
