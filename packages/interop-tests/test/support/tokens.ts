import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';

/** o200k_base tokens of a value as compact JSON: a like-for-like size of a tool list as a client sends it. */
export const jsonTokens = (value: unknown): number => countTokens(JSON.stringify(value));

/** Prints one line of the token table (the numbers in docs/clients.md come from these lines). */
export function reportTokens(client: string, what: string, tools: number, tokens: number): void {
  console.log(`[tokens] ${client}: ${tools} tools ${what}: ${tokens} o200k_base tokens`);
}
