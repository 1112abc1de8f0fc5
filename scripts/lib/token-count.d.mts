// Types of token-count.mjs, for the tests that measure token budgets with the same formula.

/** Token counts of one listed tool (`total` = name + description + JSON.stringify(inputSchema)). */
export interface ToolTokens {
  name: string;
  nameTokens: number;
  descriptionTokens: number;
  schemaTokens: number;
  total: number;
}

interface ListedTool {
  name: string;
  description?: string | undefined;
  inputSchema?: unknown;
}

interface ResultLike {
  content?: readonly { type: string; text?: string }[];
}

/** The o200k_base token count of a string. */
export declare function countTokens(text: string): number;
/** Token counts of one listed tool. */
export declare function toolTokens(tool: ListedTool): ToolTokens;
/** Token counts of a `tools/list` answer: per tool (largest first) and the sum of their totals. */
export declare function listingTokens(tools: readonly ListedTool[]): { total: number; tools: ToolTokens[] };
/** The text a model reads from a tool result. */
export declare function resultText(result: ResultLike): string;
/** The token count of a tool result's text content. */
export declare function resultTokens(result: ResultLike): number;
