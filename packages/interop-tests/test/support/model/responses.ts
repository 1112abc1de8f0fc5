// OpenAI Responses (`POST /v1/responses`, streamed), as Codex calls a custom `model_providers` entry.
// Codex groups each MCP server's tools in a `namespace` tool (`mcp__<server>`); a call names the function
// and its namespace.
import { arr, sse, type Dialect, type Json } from './types.js';

const SEPARATOR = '__';

export const responses: Dialect = {
  name: 'responses',
  matches: (path) => /^\/(v1\/)?responses(\?|$)/.test(path),
  tools: (body) =>
    arr(body['tools']).flatMap((t) =>
      t['type'] === 'namespace'
        ? arr(t['tools']).map((f) => ({
            name: `${String(t['name'])}${SEPARATOR}${String(f['name'])}`,
            definition: f,
          }))
        : [{ name: String(t['name'] ?? t['type']), definition: t }],
    ),
  results: (body) =>
    arr(body['input'])
      .filter((i) => i['type'] === 'function_call_output')
      .map((i) => ({
        callId: String(i['call_id']),
        text: typeof i['output'] === 'string' ? i['output'] : JSON.stringify(i['output']),
        isError: false,
      })),
  reply(res, _body, _path, turn) {
    const id = `resp_${Date.now()}`;
    let item: Json;
    if ('call' in turn) {
      const cut = turn.call.name.lastIndexOf(SEPARATOR);
      const [namespace, name] =
        cut > 0 ? [turn.call.name.slice(0, cut), turn.call.name.slice(cut + 2)] : [undefined, turn.call.name];
      item = {
        type: 'function_call',
        id: `fc_${turn.call.id}`,
        call_id: turn.call.id,
        name,
        ...(namespace ? { namespace } : {}),
        arguments: JSON.stringify(turn.call.input),
        status: 'completed',
      };
    } else {
      item = {
        type: 'message',
        id: `msg_${id}`,
        role: 'assistant',
        status: 'completed',
        content: [{ type: 'output_text', text: turn.text, annotations: [] }],
      };
    }
    sse(
      res,
      [
        { type: 'response.created', response: { id } },
        { type: 'response.output_item.done', output_index: 0, item },
        {
          type: 'response.completed',
          response: {
            id,
            usage: {
              input_tokens: 1,
              input_tokens_details: null,
              output_tokens: 1,
              output_tokens_details: null,
              total_tokens: 2,
            },
          },
        },
      ],
      true,
    );
  },
};
