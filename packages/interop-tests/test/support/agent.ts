// The scripted agent task every client runs: read the tenant, list this week's meetings, answer. Plus the
// checks that the sandbox saw exactly those Edge requests and that their results reached the model.
import { executeTool, getTool } from '@chilipiper-mcp/core';
import type { Sandbox } from '@chilipiper-mcp/sandbox';
import { expect } from 'vitest';
import type { ModelStub, Step } from './model/index.js';

const DAY = 86_400_000;

/** Monday 00:00 UTC of the current week to the Monday after (the 7 days meeting-list-put allows). */
export function thisWeek(now = new Date()): { start: string; end: string } {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const monday = midnight - ((now.getUTCDay() + 6) % 7) * DAY;
  return { start: new Date(monday).toISOString(), end: new Date(monday + 7 * DAY).toISOString() };
}

export const PROMPT = 'Which Chili Piper org is this, and how many meetings does it have this week?';
export const FINAL_TEXT = 'Acme has meetings this week (scripted answer).';

/** A page small enough that our server returns it whole (larger results are cut to fit). */
const PAGE = { page: 0, pageSize: 10 };

/** The scripted tool calls: tenant-get, then the first page of meeting-list-put for this week. */
export function agentSteps(): Step[] {
  return [
    { tool: 'tenant-get', input: {} },
    { tool: 'meeting-list-put', input: { ...thisWeek(), pagination: PAGE } },
  ];
}

/**
 * An MCP tool's text as our server sent it. Codex puts `Wall time: <s> seconds\nOutput:\n` before it and
 * Gemini CLI wraps it in `<untrusted_context>` tags; Claude Code and opencode pass it on as is.
 */
const withoutHeader = (text: string) =>
  text
    .replace(/^Wall time: [\d.]+ seconds\nOutput:\n/, '')
    .replace(/^<untrusted_context>\n([\s\S]*)\n<\/untrusted_context>$/, '$1');

/** What our executor answers for one scripted step, computed here against the same sandbox and key. */
async function expected(sandbox: Sandbox, step: Step, key: string): Promise<unknown> {
  const result = await executeTool(getTool(step.tool)!, step.input, { apiKey: key, baseUrl: sandbox.url });
  return result.structuredContent;
}

/**
 * Checks one client's agent run: the model offered our tools (named by `toolName`), the sandbox saw exactly
 * tenant-get then meeting-list-put for this week with the client's key, and each tool result the client sent
 * back to the model is what our executor makes of the sandbox's answer (computed again here).
 */
export async function expectAgentRun(
  model: ModelStub,
  sandbox: Sandbox,
  key: { secret: string; label: string },
  log: string,
): Promise<void> {
  const seen = [...sandbox.requests];
  expect(
    seen.map((r) => ({ operation: r.operation, keyId: r.keyId, status: r.status })),
    log,
  ).toStrictEqual([
    { operation: 'tenant-get', keyId: key.label, status: 200 },
    { operation: 'meeting-list-put', keyId: key.label, status: 200 },
  ]);
  expect(seen[1]!.body).toStrictEqual({ ...thisWeek(), ...PAGE }); // the Edge API takes the page at the top level
  const loop = model.loop();
  expect(
    loop.map((r) => r.results.length),
    log,
  ).toStrictEqual([0, 1, 2]);
  for (const [i, step] of agentSteps().entries()) {
    const result = loop[i + 1]!.results[i]!;
    expect(result.isError).toBe(false);
    expect(JSON.parse(withoutHeader(result.text)), result.text).toStrictEqual(
      await expected(sandbox, step, key.secret),
    );
  }
}
