import type { LanguageModelV4CallOptions, LanguageModelV4Content } from '@ai-sdk/provider';
import { MockLanguageModelV4 } from 'ai/test';

const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 5, text: 5, reasoning: 0 },
};

/** One model turn: tool calls (name and input) or a final text. */
export type Turn = { call: [name: string, input: unknown][] } | { text: string };

/** What the model was given on each turn: the tools it saw and the tool outputs in its prompt. */
export interface Seen {
  readonly tools: { name: string; description?: string; inputSchema: unknown }[];
  readonly outputs: { toolName: string; output: unknown }[];
}

/**
 * A mock language model that plays a script, one turn per `doGenerate`, and records what it was shown.
 * No network: this is the AI SDK's own MockLanguageModelV4.
 */
export function scriptedModel(turns: Turn[]): { model: MockLanguageModelV4; seen: Seen[] } {
  const seen: Seen[] = [];
  let next = 0;
  let callId = 0;
  const model = new MockLanguageModelV4({
    doGenerate: async (options: LanguageModelV4CallOptions) => {
      seen.push({
        tools: (options.tools ?? []).flatMap((t) => (t.type === 'function' ? [t] : [])),
        outputs: options.prompt.flatMap((m) =>
          m.role === 'tool'
            ? m.content.flatMap((p) =>
                p.type === 'tool-result' ? [{ toolName: p.toolName, output: p.output }] : [],
              )
            : [],
        ),
      });
      const turn = turns[next++];
      if (!turn) throw new Error(`the script has no turn ${next}`);
      const content: LanguageModelV4Content[] =
        'text' in turn
          ? [{ type: 'text', text: turn.text }]
          : turn.call.map(([toolName, input]) => ({
              type: 'tool-call',
              toolCallId: `call-${++callId}`,
              toolName,
              input: JSON.stringify(input),
            }));
      const finish = 'text' in turn ? 'stop' : 'tool-calls';
      return { content, finishReason: { unified: finish, raw: undefined }, usage, warnings: [] };
    },
  });
  return { model, seen };
}
