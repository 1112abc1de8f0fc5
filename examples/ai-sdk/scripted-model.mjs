// A stand-in for a real model: the AI SDK's MockLanguageModelV4 playing a short script, so the example runs with
// no network and no model key. It reads the tool results in its prompt the way a model would.
import { MockLanguageModelV4 } from 'ai/test';

const usage = {
  inputTokens: { total: 0, noCache: 0, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 0, text: 0, reasoning: 0 },
};
const reply = (content, finish) => ({
  content,
  finishReason: { unified: finish, raw: undefined },
  usage,
  warnings: [],
});
const call = (toolName, input) =>
  reply(
    [{ type: 'tool-call', toolCallId: `call-${toolName}`, toolName, input: JSON.stringify(input) }],
    'tool-calls',
  );

/** The latest tool result in the prompt, as the text the model was sent. */
function lastOutput(prompt, toolName) {
  const parts = prompt.flatMap((m) => (m.role === 'tool' ? m.content : []));
  return parts.findLast((p) => p.type === 'tool-result' && p.toolName === toolName)?.output;
}

/** A model that lists the next three days' meetings, cancels the first, then reports. */
export function scriptedModel() {
  return new MockLanguageModelV4({
    doGenerate: async ({ prompt }) => {
      const cancelled = lastOutput(prompt, 'meeting-cancel');
      if (cancelled) {
        if (cancelled.type !== 'text')
          return reply([{ type: 'text', text: `I could not cancel it (${cancelled.type}).` }], 'stop');
        const meeting = JSON.parse(cancelled.value);
        return reply(
          [{ type: 'text', text: `Cancelled the meeting with ${meeting.primaryGuest.name}.` }],
          'stop',
        );
      }
      const listed = lastOutput(prompt, 'meeting-list-put');
      if (listed) {
        const [first] = JSON.parse(listed.value).results;
        return call('meeting-cancel', { meetingId: first.meetingId });
      }
      const now = Date.now();
      return call('meeting-list-put', {
        start: new Date(now).toISOString(),
        end: new Date(now + 3 * 86_400_000).toISOString(),
        status: ['Active'],
        pagination: { pageSize: 5 },
      });
    },
  });
}
