// Gemini `models/<model>:generateContent` and `:streamGenerateContent?alt=sse`, as Gemini CLI calls them at
// GOOGLE_GEMINI_BASE_URL.
import { arr, json, sse, type Dialect, type Json } from './types.js';

export const gemini: Dialect = {
  name: 'gemini',
  matches: (path) => /^\/v1(beta|alpha)?\/models\/[^:/]+:(stream)?generateContent/i.test(path),
  tools: (body) =>
    arr(body['tools'])
      .flatMap((t) => arr(t['functionDeclarations']))
      .map((d) => ({ name: String(d['name']), definition: d })),
  results: (body) =>
    arr(body['contents']).flatMap((c) =>
      arr(c['parts'])
        .map((p) => p['functionResponse'] as Json | undefined)
        .filter((r): r is Json => r !== undefined)
        .map((r) => {
          // Gemini CLI sends an MCP tool's text as {output: "<text>"}.
          const response = r['response'] as Json | undefined;
          const text =
            typeof response?.['output'] === 'string' ? response['output'] : JSON.stringify(response);
          return { callId: String(r['id'] ?? r['name']), text, isError: response?.['error'] !== undefined };
        }),
    ),
  reply(res, _body, path, turn) {
    const part =
      'call' in turn
        ? { functionCall: { id: turn.call.id, name: turn.call.name, args: turn.call.input } }
        : { text: turn.text };
    const chunk = {
      candidates: [{ content: { role: 'model', parts: [part] }, finishReason: 'STOP', index: 0 }],
      usageMetadata: { promptTokenCount: 1, candidatesTokenCount: 1, totalTokenCount: 2 },
      modelVersion: 'stub',
    };
    if (/:streamGenerateContent/i.test(path)) sse(res, [chunk], false);
    else json(res, chunk);
  },
};
