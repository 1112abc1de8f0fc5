import type { AnyTool } from '../tool.js';

/** crm tools. */
export const crmTools: AnyTool[] = [];
