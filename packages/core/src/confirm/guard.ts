import { EdgeError } from '../errors.js';
import { errorResult, type ToolResult } from '../results.js';
import type { AnyTool } from '../tool.js';
import { validateArgs } from '../validate.js';
import { buildPreview } from './build-preview.js';
import type { ConfirmPolicy } from './policy.js';
import type { RunRead } from './reads.js';
import { elicitationMessage, previewResult } from './render.js';
import { checkToken, signToken, tokenTool, type TokenProblem } from './token.js';

/** The input field that carries a confirmation token on guarded tools. */
export const CONFIRM_FIELD = 'confirm';

/** What a guarded call needs from the caller. */
export interface GuardContext {
  readonly apiKey: string;
  readonly caller?: string | undefined;
  /** Asks the person (MCP elicitation): true only when they confirm; throws when the question cannot be put. */
  readonly askPerson?: ((message: string) => Promise<boolean>) | undefined;
}

/** How a guarded call reaches the tools: the real call, a read for the preview, a catalog lookup. */
export interface GuardDeps {
  readonly run: (args: unknown) => Promise<ToolResult>;
  readonly read: RunRead;
  readonly toolNamed: (name: string) => AnyTool | undefined;
}

const REFUSED: Record<TokenProblem, string> = {
  malformed: 'is not a confirmation token of this server',
  'other-caller': 'was issued to another caller (another API key or client)',
  tampered: 'has been altered, or was signed with another secret',
  'other-tool': 'was issued for another tool',
  'other-arguments':
    'was issued for other arguments: a confirmed call must repeat the previewed arguments exactly',
  expired: 'has expired',
};

function refusal(tool: AnyTool, token: string, problem: TokenProblem): ToolResult {
  const which = problem === 'other-tool' ? ` (${JSON.stringify(tokenTool(token).slice(0, 60))})` : '';
  return errorResult(
    `Not done: the confirm token ${REFUSED[problem]}${which}. Nothing was sent. Call ${tool.name} without ` +
      'confirm to get a new preview and token, and show the preview to the person again.',
    { kind: 'confirmation-refused', fields: [CONFIRM_FIELD] },
  );
}

/**
 * A call of a guarded tool: with a valid token, exactly the previewed call runs; without one, the person is
 * asked through elicitation when possible, else the answer is a preview and a token. Bad arguments get the
 * executor's usual error (nothing is sent, no preview is made).
 */
export async function guardedCall(
  tool: AnyTool,
  rawArgs: unknown,
  context: GuardContext,
  policy: ConfirmPolicy,
  deps: GuardDeps,
): Promise<ToolResult> {
  const isObject = rawArgs !== null && typeof rawArgs === 'object' && !Array.isArray(rawArgs);
  const { [CONFIRM_FIELD]: token, ...args } = isObject ? (rawArgs as Record<string, unknown>) : {};
  if (!isObject && rawArgs !== undefined && rawArgs !== null) return deps.run(rawArgs);
  let input: Record<string, unknown>;
  try {
    input = validateArgs(tool, args);
  } catch (error) {
    if (error instanceof EdgeError) return deps.run(args);
    throw error;
  }
  const binding = { tool: tool.name, args: input, apiKey: context.apiKey, caller: context.caller };
  const now = Math.floor(Date.now() / 1000);
  if (token !== undefined) {
    if (typeof token !== 'string') return refusal(tool, '', 'malformed');
    const problem = await checkToken(token, binding, now, policy.secret);
    return problem ? refusal(tool, token, problem) : deps.run(args);
  }
  // A guarded tool without preview data (a custom catalog) shows its arguments.
  const spec = tool.preview ?? { reads: [], show: [{ label: 'Arguments', show: '$' }] };
  const preview = await buildPreview(tool, spec, input, deps.toolNamed, deps.read);
  if (policy.elicit && context.askPerson) {
    const answer = await context.askPerson(elicitationMessage(preview)).catch(() => undefined);
    if (answer === true) return deps.run(args);
    if (answer === false) {
      return errorResult(`Not done: the person did not confirm ${tool.name}. Nothing was sent.`, {
        kind: 'declined',
      });
    }
  }
  const expiresAt = now + policy.ttlSeconds;
  return previewResult(preview, await signToken(binding, expiresAt, policy.secret), expiresAt);
}
