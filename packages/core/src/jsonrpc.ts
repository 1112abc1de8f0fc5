import {
  CallToolRequestSchema,
  ErrorCode,
  InitializeRequestSchema,
  JSONRPCMessageSchema,
  JSONRPCNotificationSchema,
  JSONRPCRequestSchema,
  ListToolsRequestSchema,
  PingRequestSchema,
  type JSONRPCMessage,
  type RequestId,
} from '@modelcontextprotocol/sdk/types.js';

/** A JSON-RPC error answer; `id` is `null` when the id of the message it answers could not be read. */
export interface JsonRpcErrorAnswer {
  readonly jsonrpc: '2.0';
  readonly id: RequestId | null;
  readonly error: { readonly code: number; readonly message: string };
}

/** Why a message was refused: the answer to send (none for a malformed response) and a line for a log. */
export interface Rejection {
  readonly answer: JsonRpcErrorAnswer | undefined;
  readonly problem: string;
}

/** The params schema of each request method the server answers (the SDK checks them only after dispatch). */
const REQUEST_SCHEMAS = {
  initialize: InitializeRequestSchema,
  ping: PingRequestSchema,
  'tools/list': ListToolsRequestSchema,
  'tools/call': CallToolRequestSchema,
} as const;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const answer = (id: RequestId | null, code: number, message: string): JsonRpcErrorAnswer => ({
  jsonrpc: '2.0',
  id,
  error: { code, message },
});

/**
 * Checks a parsed JSON value against what the MCP SDK accepts as a JSON-RPC message. Returns `undefined` for
 * a valid message; otherwise the rejection naming what is wrong: -32602 (Invalid params) when only `params`
 * is wrong (e.g. an array), -32600 (Invalid Request) for the rest, answered with the message's id when it has
 * a usable one. A malformed response (`result` or `error`, no `method`) is never answered.
 */
export function checkMessage(value: unknown): Rejection | undefined {
  if (JSONRPCMessageSchema.safeParse(value).success) return undefined;
  if (!isObject(value)) {
    const kind = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    const problem = `Invalid Request: expected a JSON-RPC 2.0 object, got ${kind}.`;
    return { answer: answer(null, ErrorCode.InvalidRequest, problem), problem };
  }
  if (!('method' in value) && ('result' in value || 'error' in value)) {
    return { answer: undefined, problem: 'Ignored a malformed JSON-RPC response.' };
  }
  const id = typeof value['id'] === 'string' || typeof value['id'] === 'number' ? value['id'] : null;
  const schema = 'id' in value ? JSONRPCRequestSchema : JSONRPCNotificationSchema;
  const issues = schema.safeParse(value).error?.issues ?? [];
  const onParams = issues.length > 0 && issues.every((issue) => issue.path[0] === 'params');
  const code = onParams ? ErrorCode.InvalidParams : ErrorCode.InvalidRequest;
  const problem = `${onParams ? 'Invalid params' : 'Invalid Request'}: ${describe(issues)}.`;
  return { answer: answer(id, code, problem), problem };
}

interface Issue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

/** One readable line from validator issues: `params.name: expected string, received number`. */
function describe(issues: readonly Issue[]): string {
  if (issues.length === 0) return 'not a JSON-RPC 2.0 request, notification or response';
  return issues
    .slice(0, 5)
    .map((issue) => {
      const where = issue.path.map(String).join('.') || 'the message';
      const what = issue.message
        .replace(/^Invalid input: /, '')
        .replace(/^expected (.+), received undefined$/, 'is missing (expected $1)');
      return `${where}: ${what === 'Invalid input' ? 'is not valid' : what}`;
    })
    .join('; ');
}

/** The -32602 answer to a request whose params do not fit its method, or `undefined`. */
export function paramsError(message: JSONRPCMessage): JsonRpcErrorAnswer | undefined {
  if (!('method' in message) || !('id' in message)) return undefined;
  const schema = REQUEST_SCHEMAS[message.method as keyof typeof REQUEST_SCHEMAS];
  const checked = schema?.safeParse(message);
  if (checked === undefined || checked.success) return undefined;
  const text = `Invalid params for ${message.method}: ${describe(checked.error.issues)}.`;
  return answer(message.id, ErrorCode.InvalidParams, text);
}
