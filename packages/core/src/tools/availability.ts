import type { AnyTool } from '../tool.js';

/** availability tools. */
export const availabilityTools: AnyTool[] = [];
