// An agent on the Vercel AI SDK with the Chili Piper tools. Without CHILI_PIPER_API_KEY it runs against a local
// sandbox (demo data, not Chili Piper). The model is a scripted mock (scripted-model.mjs); put a real one in its
// place, e.g. `openai('gpt-5')` from @ai-sdk/openai.
import { generateText, stepCountIs } from 'ai';
import { chiliPiperTools } from '@chilipiper-mcp/ai-sdk';
import { createSandbox } from '@chilipiper-mcp/sandbox';
import { scriptedModel } from './scripted-model.mjs';

const sandbox = process.env.CHILI_PIPER_API_KEY ? undefined : await createSandbox();
if (sandbox) console.error(`SANDBOX: demo data at ${sandbox.url}, not your Chili Piper account`);

const tools = chiliPiperTools({
  apiKey: process.env.CHILI_PIPER_API_KEY || sandbox.apiKey,
  ...(sandbox ? { baseUrl: sandbox.url } : {}),
  include: ['meetings'],
});
const held = Object.keys(tools).filter((name) => tools[name].needsApproval);
console.log(`${Object.keys(tools).length} tools; these wait for approval: ${held.join(', ')}`);

const model = scriptedModel();
const messages = [{ role: 'user', content: 'Cancel my next meeting.' }];
const sendsOf = (path) => sandbox?.requests.filter((r) => r.path.startsWith(path)).length ?? 0;

// Step 1: the model lists meetings and asks to cancel one; the cancel is held for approval.
const first = await generateText({ model, tools, messages, stopWhen: stepCountIs(5) });
messages.push(...first.response.messages);
for (const step of first.steps) for (const c of step.toolCalls) console.log(`model called ${c.toolName}`);
const request = first.content.find((part) => part.type === 'tool-approval-request');
console.log(`approval asked: ${request.toolCall.toolName} ${JSON.stringify(request.toolCall.input)}`);
console.log(`cancel requests sent before approval: ${sendsOf('/v2/org/meetings/cancel/')}`);

// Step 2: a person approves (here, always); the held call runs once and the model reports.
messages.push({
  role: 'tool',
  content: [{ type: 'tool-approval-response', approvalId: request.approvalId, approved: true }],
});
const second = await generateText({ model, tools, messages, stopWhen: stepCountIs(5) });
console.log(`cancel requests sent after approval: ${sendsOf('/v2/org/meetings/cancel/')}`);
console.log(`model: ${second.text}`);

const check = await tools['meeting-get'].execute(
  { meetingId: request.toolCall.input.meetingId },
  { toolCallId: 'check', messages: [] },
);
console.log(`meeting status now: ${check.structuredContent.meetingStatus}`);

await sandbox?.close();
