import type { AnyTool } from '../tool.js';

/** rules tools. */
export const rulesTools: AnyTool[] = [];
