import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { Implementation, JSONRPCMessage } from '@modelcontextprotocol/sdk/types.js';
import { AjvJsonSchemaValidator } from '@modelcontextprotocol/sdk/validation/ajv';
import type { jsonSchemaValidator } from '@modelcontextprotocol/sdk/validation';
import { paramsError } from './jsonrpc.js';

type ServerOptions = ConstructorParameters<typeof Server>[1];

let ajv: AjvJsonSchemaValidator | undefined;
/**
 * One JSON Schema validator for every server, made on first use. The SDK makes a new Ajv instance in each
 * `Server` constructor (about a tenth of a stateless HTTP request's CPU time) and uses it only to check
 * elicitation answers, which only the confirmation of a destructive tool asks for (`confirm/elicit.ts`).
 */
const sharedValidator: jsonSchemaValidator = {
  getValidator: (schema) => (ajv ??= new AjvJsonSchemaValidator()).getValidator(schema),
};

/**
 * The SDK `Server` as `createChiliPiperServer` builds it: a request whose params do not fit its method is
 * answered -32602 (Invalid params) naming the field, on every transport (the SDK validates params after
 * dispatch and reports its validator's exception as -32603 with the raw issue list), and the JSON Schema
 * validator is shared instead of built per server (a server is built per request in stateless HTTP).
 */
export class ChiliPiperSdkServer extends Server {
  constructor(info: Implementation, options?: ServerOptions) {
    super(info, { jsonSchemaValidator: sharedValidator, ...options });
  }

  /** Connects as the SDK does, with the params check in front of the SDK's message handler. */
  override connect(transport: Transport): Promise<void> {
    const start = transport.start.bind(transport);
    // `connect` installs its message handler before it calls `start`, and no message arrives before `start`.
    transport.start = () => {
      const dispatch = transport.onmessage;
      transport.onmessage = (message: JSONRPCMessage, extra) => {
        const refused = paramsError(message);
        if (!refused) return dispatch?.(message, extra);
        transport.send(refused as JSONRPCMessage).catch((error: unknown) => this.onerror?.(error as Error));
      };
      return start();
    };
    return super.connect(transport);
  }
}
