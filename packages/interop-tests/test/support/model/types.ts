import type { ServerResponse } from 'node:http';

/** A JSON object as the stub reads it from a request. */
export type Json = Record<string, unknown>;

/** A tool as a client offers it to the model: the name the model must call, and the definition as sent. */
export interface OfferedTool {
  name: string;
  definition: unknown;
}

/** A tool result the client sent back to the model. */
export interface ToolResult {
  callId: string;
  text: string;
  isError: boolean;
}

/** What the model says next: one tool call, or a final text. */
export type Turn = { call: { id: string; name: string; input: Json } } | { text: string };

/** One model API dialect (Anthropic Messages, Gemini generateContent, OpenAI Responses). */
export interface Dialect {
  readonly name: 'anthropic' | 'gemini' | 'responses';
  matches(path: string): boolean;
  tools(body: Json): OfferedTool[];
  results(body: Json): ToolResult[];
  reply(res: ServerResponse, body: Json, path: string, turn: Turn): void;
}

export const arr = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);

/** Writes server-sent events, each `data:` a JSON object (with an `event:` line when `named`). */
export function sse(res: ServerResponse, events: Json[], named: boolean): void {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  for (const e of events)
    res.write(`${named ? `event: ${String(e['type'])}\n` : ''}data: ${JSON.stringify(e)}\n\n`);
  res.end();
}

/** Writes a JSON response. */
export function json(res: ServerResponse, body: unknown, status = 200): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
