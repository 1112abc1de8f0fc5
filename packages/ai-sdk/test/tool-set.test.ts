import {
  catalog,
  selectTools,
  createChiliPiperClient,
  getTool,
  toMcpTool,
  type ToolResult,
} from '@chilipiper-mcp/core';
import { createSandbox, DEMO_READONLY_KEY } from '@chilipiper-mcp/sandbox';
import { generateText, stepCountIs, type ModelMessage } from 'ai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chiliPiperTools } from '../src/index.js';
import { scriptedModel } from './scripted-model.js';

type Sandbox = Awaited<ReturnType<typeof createSandbox>>;
let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createSandbox();
});
afterAll(() => sandbox?.close());

const day = 86_400_000;
const window = () => ({
  start: new Date(Date.now() - 3 * day).toISOString(),
  end: new Date(Date.now() + 3 * day).toISOString(),
});
/** How many requests reached the sandbox for a tool's Edge operation. */
const sent = (name: string) => {
  const { method, path } = getTool(name)!.operation;
  const pattern = new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}$`);
  return sandbox.requests.filter((r) => r.method === method && pattern.test(r.path)).length;
};

/** An active meeting of the sandbox, found the way an app would (the typed client). */
async function activeMeetingId(): Promise<string> {
  const client = createChiliPiperClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url });
  const page = await client.meetingListPut({ ...window(), status: ['Active'] });
  return (page['results'] as { meetingId: string }[])[0]!.meetingId;
}

describe('chiliPiperTools', () => {
  it('gives the model each tool as the MCP listing describes it', async () => {
    const tools = chiliPiperTools({ apiKey: sandbox.apiKey, baseUrl: sandbox.url, readOnly: true });
    const { model, seen } = scriptedModel([{ text: 'nothing to do' }]);
    await generateText({ model, tools, prompt: 'hello' });
    const expected = selectTools(catalog)
      .filter((t) => t.safety.kind === 'read')
      .map(toMcpTool)
      .map((t) => ({ name: t.name, description: t.description, inputSchema: t.inputSchema }));
    expect(
      seen[0]!.tools.map((t) => ({ name: t.name, description: t.description, inputSchema: t.inputSchema })),
    ).toStrictEqual(expected);
    expect(Object.keys(tools)).toStrictEqual(expected.map((t) => t.name));
  });

  it('asks for approval only on destructive tools', () => {
    const tools = chiliPiperTools({ apiKey: sandbox.apiKey, baseUrl: sandbox.url });
    const held = Object.entries(tools)
      .filter(([, t]) => t.needsApproval === true)
      .map(([name]) => name);
    expect(held).toStrictEqual(
      selectTools(catalog)
        .filter((t) => t.safety.kind === 'destructive')
        .map((t) => t.name),
    );
  });

  it('runs a whole generateText loop: a read, then a cancel held until approved, then sent once', async () => {
    const meetingId = await activeMeetingId();
    const tools = chiliPiperTools({ apiKey: sandbox.apiKey, baseUrl: sandbox.url });
    const { model, seen } = scriptedModel([
      { call: [['meeting-get', { meetingId }]] },
      { call: [['meeting-cancel', { meetingId }]] },
      { text: 'Cancelled.' },
    ]);
    const prompt = `Cancel meeting ${meetingId}.`;
    const cancelsBefore = sent('meeting-cancel');

    const first = await generateText({ model, tools, prompt, stopWhen: stepCountIs(5) });
    const request = first.content.find((part) => part.type === 'tool-approval-request');
    expect(request?.toolCall).toMatchObject({ toolName: 'meeting-cancel', input: { meetingId } });
    expect(sent('meeting-cancel')).toBe(cancelsBefore); // held: nothing sent yet
    const read = seen[1]!.outputs.find((o) => o.toolName === 'meeting-get');
    expect(read?.output).toMatchObject({ type: 'text' });
    expect(JSON.parse((read!.output as { value: string }).value)).toMatchObject({
      id: meetingId,
      meetingStatus: 'Active',
    });

    const messages: ModelMessage[] = [
      { role: 'user', content: prompt },
      ...first.response.messages,
      {
        role: 'tool',
        content: [{ type: 'tool-approval-response', approvalId: request!.approvalId, approved: true }],
      },
    ];
    const second = await generateText({ model, tools, messages, stopWhen: stepCountIs(5) });
    expect(second.text).toBe('Cancelled.');
    expect(sent('meeting-cancel')).toBe(cancelsBefore + 1);
    const cancelled = seen[2]!.outputs.find((o) => o.toolName === 'meeting-cancel');
    expect(cancelled?.output).toMatchObject({ type: 'text' });
    const check = createChiliPiperClient({ apiKey: sandbox.apiKey, baseUrl: sandbox.url });
    expect(await check.meetingGet({ meetingId })).toMatchObject({ meetingStatus: 'Canceled' });
  });

  it('sends nothing when the approval is denied', async () => {
    const meetingId = await activeMeetingId();
    const tools = chiliPiperTools({ apiKey: sandbox.apiKey, baseUrl: sandbox.url, include: ['meetings'] });
    const { model, seen } = scriptedModel([
      { call: [['meeting-noshow', { meetingId }]] },
      { text: 'Left it.' },
    ]);
    const prompt = 'Mark the meeting as a no-show.';
    const before = sent('meeting-noshow');
    const first = await generateText({ model, tools, prompt });
    const request = first.content.find((part) => part.type === 'tool-approval-request')!;
    const second = await generateText({
      model,
      tools,
      messages: [
        { role: 'user', content: prompt },
        ...first.response.messages,
        {
          role: 'tool',
          content: [{ type: 'tool-approval-response', approvalId: request.approvalId, approved: false }],
        },
      ],
    });
    expect(second.text).toBe('Left it.');
    expect(sent('meeting-noshow')).toBe(before);
    expect(seen[1]!.outputs).toStrictEqual([
      { toolName: 'meeting-noshow', output: { type: 'execution-denied', reason: undefined } },
    ]);
  });

  it('hands a failure to the model as an error text, with the result as data in the output', async () => {
    const tools = chiliPiperTools({ apiKey: DEMO_READONLY_KEY, baseUrl: sandbox.url });
    const { model, seen } = scriptedModel([
      {
        call: [
          ['rule-create', { name: 'x' }],
          ['meeting-list-put', { start: 'soon', end: 'later' }],
        ],
      },
      { text: 'I cannot.' },
    ]);
    const before = sandbox.requests.length;
    const result = await generateText({ model, tools, prompt: 'go', stopWhen: stepCountIs(3) });
    const outputs = seen[1]!.outputs;
    expect(outputs.map((o) => [o.toolName, (o.output as { type: string }).type])).toStrictEqual([
      ['rule-create', 'error-text'],
      ['meeting-list-put', 'error-text'],
    ]);
    expect((outputs[1]!.output as { value: string }).value).toMatch(
      /^Invalid arguments for meeting-list-put \(nothing was sent\)/,
    );
    const toolResults = result.steps[0]!.toolResults.map((r) => r.output as ToolResult);
    expect(toolResults.map((r) => r._meta?.['chilipiper-mcp/error']?.kind)).toStrictEqual([
      'invalid-arguments',
      'invalid-arguments',
    ]);
    expect(sandbox.requests.length).toBe(before);
  });
});
