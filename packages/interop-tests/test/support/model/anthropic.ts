// Anthropic Messages (`POST /v1/messages`), streamed as Claude Code and opencode's Anthropic provider ask.
import { arr, json, sse, type Dialect, type Json } from './types.js';

const text = (content: unknown): string =>
  typeof content === 'string'
    ? content
    : arr(content)
        .map((c) => (typeof c['text'] === 'string' ? c['text'] : ''))
        .join('');

export const anthropic: Dialect = {
  name: 'anthropic',
  matches: (path) => /^\/(v1\/)?messages(\?|$)/.test(path),
  tools: (body) => arr(body['tools']).map((t) => ({ name: String(t['name']), definition: t })),
  results: (body) =>
    arr(body['messages']).flatMap((m) =>
      arr(m['content'])
        .filter((b) => b['type'] === 'tool_result')
        .map((b) => ({
          callId: String(b['tool_use_id']),
          text: text(b['content']),
          isError: b['is_error'] === true,
        })),
    ),
  reply(res, body, _path, turn) {
    const block: Json =
      'call' in turn
        ? { type: 'tool_use', id: turn.call.id, name: turn.call.name, input: turn.call.input }
        : { type: 'text', text: turn.text };
    const stop = 'call' in turn ? 'tool_use' : 'end_turn';
    const message: Json = {
      id: `msg_${Date.now()}`,
      type: 'message',
      role: 'assistant',
      model: body['model'],
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: 1, output_tokens: 1 },
    };
    if (body['stream'] !== true) return json(res, { ...message, content: [block], stop_reason: stop });
    const delta =
      'call' in turn
        ? { type: 'input_json_delta', partial_json: JSON.stringify(turn.call.input) }
        : { type: 'text_delta', text: turn.text };
    sse(
      res,
      [
        { type: 'message_start', message },
        {
          type: 'content_block_start',
          index: 0,
          content_block: 'call' in turn ? { ...block, input: {} } : { type: 'text', text: '' },
        },
        { type: 'content_block_delta', index: 0, delta },
        { type: 'content_block_stop', index: 0 },
        {
          type: 'message_delta',
          delta: { stop_reason: stop, stop_sequence: null },
          usage: { output_tokens: 1 },
        },
        { type: 'message_stop' },
      ],
      true,
    );
  },
};
