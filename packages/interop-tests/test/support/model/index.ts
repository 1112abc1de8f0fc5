// A scripted model: a loopback HTTP server speaking the Anthropic, Gemini and OpenAI Responses APIs. Every
// request is recorded. A request that offers the scripted tools gets the next scripted tool call (one per
// tool result already in the conversation), then the final text; any other request (titles, routing,
// warm-ups) gets a short text.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { anthropic } from './anthropic.js';
import { gemini } from './gemini.js';
import { responses } from './responses.js';
import { json, type Dialect, type Json, type OfferedTool, type ToolResult, type Turn } from './types.js';

export type { OfferedTool, ToolResult } from './types.js';

/** One scripted step: a tool (our name, without the client's prefix) and its arguments. */
export interface Step {
  tool: string;
  input: Json;
}

/** One request the stub received. */
export interface ModelRequest {
  dialect: Dialect['name'] | 'unknown';
  path: string;
  body: Json;
  tools: OfferedTool[];
  results: ToolResult[];
  /** True when it offered the scripted tools (the agent's main loop). */
  scripted: boolean;
  turn?: Turn;
}

export interface ModelStub {
  /** Base URL without a path (add `/v1` where a client wants it). */
  url: string;
  requests: ModelRequest[];
  /** The requests of the agent loop, in order. */
  loop(): ModelRequest[];
  close(): Promise<void>;
}

const DIALECTS: Dialect[] = [anthropic, gemini, responses];

/** Clients that allow only `[A-Za-z0-9_]` in names (Codex) turn `-` into `_`. */
const norm = (name: string) => name.replace(/-/g, '_');

/**
 * The client's name for our tool: `prefix + tool` when a prefix is given, else the tool's own name, or any
 * name ending with it after a `_` or `.` separator. Both sides are compared with `-` read as `_`.
 */
export function offeredName(tools: OfferedTool[], tool: string, prefix?: string): string | undefined {
  const want = norm(tool);
  const match = prefix
    ? (n: string) => n === norm(prefix + tool)
    : (n: string) => n === want || n.endsWith(`_${want}`) || n.endsWith(`.${want}`);
  return tools.find((t) => match(norm(t.name)))?.name;
}

/**
 * Starts the stub; `steps` run in order whenever a request offers their tools, then `finalText`. `prefix`
 * picks one server's tools when a client offers several (e.g. `mcp__chili_piper_edge__`).
 */
export async function startModelStub(steps: Step[], finalText: string, prefix?: string): Promise<ModelStub> {
  const requests: ModelRequest[] = [];
  let calls = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      let body: Json = {};
      try {
        body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Json) : {};
      } catch {
        // not JSON: recorded as {}
      }
      const dialect = req.method === 'POST' ? DIALECTS.find((d) => d.matches(path)) : undefined;
      if (!dialect) {
        requests.push({ dialect: 'unknown', path, body, tools: [], results: [], scripted: false });
        return json(res, { error: { message: `the model stub does not serve ${req.method} ${path}` } }, 404);
      }
      const tools = dialect.tools(body);
      const results = dialect.results(body);
      const names = steps.map((s) => offeredName(tools, s.tool, prefix));
      const scripted = steps.length > 0 && names.every((n) => n !== undefined);
      const next = steps[results.length];
      const turn: Turn =
        scripted && next
          ? { call: { id: `call_${++calls}`, name: names[results.length]!, input: next.input } }
          : { text: scripted ? finalText : 'ok' };
      requests.push({ dialect: dialect.name, path, body, tools, results, scripted, turn });
      dialect.reply(res, body, path, turn);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    loop: () => requests.filter((r) => r.scripted),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
