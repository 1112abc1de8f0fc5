import type { AnyTool } from '../tool.js';

/** distro tools. */
export const distroTools: AnyTool[] = [];
