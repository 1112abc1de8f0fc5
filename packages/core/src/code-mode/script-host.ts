import { toMethodName } from '../client-types.js';
import { resultText } from '../results.js';
import { whyHidden, type ToolFilter } from '../select.js';
import type { CallContext, ToolCaller } from '../tool-caller.js';
import type { AnyTool } from '../tool.js';
import type { HostFunction } from './types.js';

/**
 * The size budget of one `cp` call's result. Its result goes to the script, not to the model, so it is not cut
 * to the model's budget: lists come in whole pages and exports whole (up to about 1 MB, well inside the
 * engine's memory). What reaches the model is the script's return value, under `maxResultChars`.
 */
export const CP_RESULT_CHARS = 1_000_000;

/** `cp` of one run, and the previews its guarded calls answered (text with the token, for the model only). */
export interface RunHost {
  readonly functions: Record<string, HostFunction>;
  readonly previews: string[];
}

/**
 * `cp` of one run: a method per enabled tool, each going through `caller.call` (validation, the security
 * rules, retries, redaction, and every policy the caller applies), resolving to the result's
 * `structuredContent` (`{ text }` when it has none) and rejecting with the error result's text.
 *
 * A call the confirmation policy holds back rejects too, and its preview, with the confirmation token, is kept
 * for the run's result: the token goes to the model, never to the script, so a script cannot confirm its own
 * call; the person sees the preview first.
 */
export function cpFunctions(
  caller: ToolCaller,
  context: Omit<CallContext, 'signal' | 'onProgress' | 'maxResultChars'>,
): RunHost {
  const functions: Record<string, HostFunction> = {};
  const previews: string[] = [];
  for (const tool of caller.tools) {
    const method = toMethodName(tool.name);
    functions[method] = async (input, signal) => {
      const result = await caller.call(tool.name, input ?? {}, {
        ...context,
        signal,
        maxResultChars: CP_RESULT_CHARS,
      });
      if (result.isError) throw new Error(resultText(result));
      if (result.structuredContent?.['status'] === 'confirmation-required') {
        previews.push(resultText(result));
        throw new Error(
          `cp.${method} needs the person's confirmation; nothing was sent. Its preview and confirm token go to ` +
            "the model with this run's result, not to the script.",
        );
      }
      return result.structuredContent ?? { text: resultText(result) };
    };
  }
  return { functions, previews };
}

/**
 * Why the `cp.name` methods a script uses, and this server does not offer, are missing: for a failed run's
 * "not a function", which names no method. Empty when the script uses only methods that exist.
 */
export function missingMethods(
  code: string,
  functions: Readonly<Record<string, HostFunction>>,
  known: { readonly all: readonly AnyTool[]; readonly filter: ToolFilter },
): string {
  const used = new Set([...code.matchAll(/\bcp\s*\.\s*([A-Za-z_$][\w$]*)/g)].map((m) => m[1]!));
  const lines = [...used]
    .filter((method) => !Object.hasOwn(functions, method))
    .map((method) => {
      const tool = known.all.find((t) => toMethodName(t.name) === method);
      return tool
        ? `cp.${method} is not available: ${tool.name} ${whyHidden(tool, known.filter)}.`
        : `cp.${method} does not exist; search finds the methods there are.`;
    });
  return lines.join('\n');
}
