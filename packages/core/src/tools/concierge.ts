import type { AnyTool } from '../tool.js';

/** concierge tools. */
export const conciergeTools: AnyTool[] = [];
