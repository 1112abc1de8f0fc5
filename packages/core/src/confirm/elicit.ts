import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import type { RequestHandlerExtra } from '@modelcontextprotocol/sdk/shared/protocol.js';
import type { ServerNotification, ServerRequest } from '@modelcontextprotocol/sdk/types.js';
import type { ConfirmPolicy } from './policy.js';

/** The form the person answers: one yes/no field. */
const confirmForm = () => ({
  type: 'object' as const,
  properties: {
    confirm: { type: 'boolean' as const, title: 'Confirm', description: 'Yes: make this change now.' },
  },
  required: ['confirm'],
});

/**
 * How a tool call asks the person: an `elicitation/create` form (the preview text and one boolean) sent to the
 * client, when the policy allows it and the client declared form elicitation. Undefined otherwise, and the
 * guarded call answers with a preview and a token instead.
 */
export function personAsker(
  server: Server,
  extra: RequestHandlerExtra<ServerRequest, ServerNotification>,
  policy: ConfirmPolicy,
): ((message: string) => Promise<boolean>) | undefined {
  if (policy.tools === 'none' || !policy.elicit || !server.getClientCapabilities()?.elicitation?.form) {
    return undefined;
  }
  return async (message) => {
    const answer = await server.elicitInput(
      { mode: 'form', message, requestedSchema: confirmForm() },
      { signal: extra.signal, relatedRequestId: extra.requestId, timeout: policy.ttlSeconds * 1000 },
    );
    return answer.action === 'accept' && answer.content?.['confirm'] === true;
  };
}
