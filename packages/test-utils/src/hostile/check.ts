import type { AnyTool } from '@chilipiper-mcp/core';
import { expect } from 'vitest';
import { healthyData, type Expected } from './faults/index.js';
import { leaksIn } from './leaks.js';
import type { SeenRequest } from './upstream.js';

/** A tool result as a client sees it. */
export interface HostileResult {
  readonly content: readonly { readonly type: string; readonly text?: string }[];
  readonly structuredContent?: Record<string, unknown> | undefined;
  readonly isError?: boolean | undefined;
}

const textOf = (result: HostileResult): string => result.content.map((c) => c.text ?? '').join('\n');

function templateOf(tool: AnyTool): RegExp {
  const parts = tool.operation.path.split(/\{[^}]+\}/).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('[^/]+')}$`);
}

/** What went wrong with the requests a call sent: only the tool's operation, as many as expected, writes once. */
export function checkRequests(tool: AnyTool, seen: readonly SeenRequest[], expected: Expected): string[] {
  const problems: string[] = [];
  const template = templateOf(tool);
  for (const r of seen)
    if (r.method !== tool.operation.method || !template.test(r.path))
      problems.push(`sent ${r.method} ${r.path}, not ${tool.operation.method} ${tool.operation.path}`);
  if (!tool.safety.idempotent && seen.length > 1 && !('resentByFetch' in expected))
    problems.push(`a non-idempotent write was sent ${seen.length} times`);
  const { atLeast, atMost } =
    typeof expected.requests === 'number'
      ? { atLeast: expected.requests, atMost: expected.requests }
      : expected.requests;
  if (seen.length < atLeast || seen.length > atMost)
    problems.push(`${seen.length} requests, expected ${JSON.stringify(expected.requests)}`);
  return problems;
}

/** What went wrong with a result: a clear error or the right data, as expected, and never the key. */
export function checkResult(
  tool: AnyTool,
  result: HostileResult,
  expected: Expected,
  waits: readonly number[],
  apiKey: string,
): string[] {
  const problems: string[] = [];
  const text = textOf(result);
  if ('error' in expected) {
    if (result.isError !== true) problems.push(`not an error: ${text.slice(0, 200)}`);
    else if (!expected.error.test(text))
      problems.push(`error ${JSON.stringify(text)} does not match ${expected.error}`);
  } else {
    if (result.isError) problems.push(`an error: ${text}`);
    const data = tool.response === 'json' ? result.structuredContent : text;
    try {
      expect(data).toStrictEqual(expected.data);
      if (tool.response === 'json') expect(JSON.parse(text)).toStrictEqual(result.structuredContent);
    } catch (e) {
      problems.push(`wrong data: ${JSON.stringify(data)} (${(e as Error).message.split('\n')[0]})`);
    }
    if (expected.waits && !expected.waits(waits)) problems.push(`waited ${JSON.stringify(waits)}`);
  }
  const leaks = leaksIn(JSON.stringify(result), apiKey);
  if (leaks.length)
    problems.push(`the key (${leaks.join(', ')}) is in the result: ${JSON.stringify(result)}`);
  return problems;
}

/** What went wrong with the healthy call made after a fault: it must answer with the healthy data. */
export function checkHealthy(tool: AnyTool, result: HostileResult): string[] {
  const data = tool.response === 'json' ? result.structuredContent : textOf(result);
  return !result.isError && JSON.stringify(data) === JSON.stringify(healthyData(tool))
    ? []
    : [`the next healthy call failed: ${JSON.stringify(result).slice(0, 200)}`];
}
