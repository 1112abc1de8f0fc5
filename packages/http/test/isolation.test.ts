import { createSandbox, type Sandbox } from '@chilipiper-mcp/sandbox';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serve, type RunningServer } from '../src/index.js';
import { MCP_HEADERS, toolCall } from './helpers.js';

let sandbox: Sandbox;
let running: RunningServer;
beforeAll(async () => {
  sandbox = await createSandbox();
  running = await serve({ port: 0, baseUrl: sandbox.url, credentials: { mode: 'caller-key' } });
});
afterAll(async () => {
  await running?.close();
  await sandbox?.close();
});

const CALLERS = 20;
const CALLS = 500;
const userId = (caller: number, call: number) =>
  caller.toString(16).padStart(4, '0') + call.toString(16).padStart(20, '0');

it(
  '500 concurrent calls from 20 caller keys each reach upstream with their own key',
  { timeout: 45_000 },
  async () => {
    const keys = Array.from({ length: CALLERS }, (_, c) => sandbox.createKey({ label: `caller-${c}` }));
    const before = sandbox.requests.length;
    const deadline = AbortSignal.timeout(30_000);
    const results = await Promise.all(
      Array.from({ length: CALLS }, async (_, i) => {
        const caller = i % CALLERS;
        const res = await fetch(running.url, {
          method: 'POST',
          headers: { ...MCP_HEADERS, authorization: `Bearer ${keys[caller]}` },
          body: toolCall('user-read', { userId: userId(caller, i) }, i),
          signal: deadline,
        });
        return { caller, i, status: res.status, text: await res.text() };
      }),
    );
    expect(results.every((r) => r.status === 200)).toBe(true);
    for (const r of results) {
      const body = JSON.parse(r.text) as {
        id: number;
        result: { isError: boolean; content: { text: string }[] };
      };
      expect(body.id).toBe(r.i);
      expect(body.result.content[0]?.text).toMatch(/404|not found/i);
      for (const key of keys) expect(r.text).not.toContain(key);
    }

    const log = sandbox.requests.slice(before).filter((e) => e.path.startsWith('/v1/org/user/read/'));
    expect(log).toHaveLength(CALLS);
    const seen = new Set<number>();
    for (const entry of log) {
      const id = entry.path.split('/').at(-1)!;
      const caller = parseInt(id.slice(0, 4), 16);
      const call = parseInt(id.slice(4), 16);
      expect(entry.keyId).toBe(`caller-${caller}`);
      expect(call % CALLERS).toBe(caller);
      seen.add(call);
    }
    expect(seen.size).toBe(CALLS);
  },
);
