import type { AnyTool, AttemptEvent } from '@chilipiper-mcp/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkHealthy, checkRequests, checkResult, type HostileResult } from './check.js';
import { healthy, hostileFaults, type Fault } from './faults/index.js';
import { leaksIn } from './leaks.js';
import { startHostileUpstream, type HostileUpstream } from './upstream.js';

export type { HostileResult } from './check.js';

/**
 * What the suite passes to the harness for one tool. `timeoutMs` and `retry` are getters read at call time: the
 * suite makes them short for the faults that hang and long otherwise, so a loaded machine cannot make a healthy
 * answer look like a timeout. `sleep` is fake: waits are recorded, never slept.
 */
export interface HostileCallOptions {
  readonly apiKey: string;
  readonly baseUrl: string;
  readonly timeoutMs: number;
  readonly maxResponseBytes: number;
  readonly retry: { maxAttempts: number; baseDelayMs: number; maxDelayMs: number; budgetMs: number };
  readonly sleep: (ms: number) => Promise<void>;
  readonly onAttempt: (event: AttemptEvent) => void;
}

/** A caller of one tool. */
export interface HostileCaller {
  call(args: Record<string, unknown>): Promise<HostileResult>;
  close(): Promise<void>;
}

/** How the suite reaches the tools: straight through the executor, or through an MCP server and client. */
export interface HostileHarness {
  /** Opens a caller of one tool with the given options (pass the object on as is: its getters matter). */
  open(tool: AnyTool, options: HostileCallOptions): Promise<HostileCaller>;
}

/** One tool under test and valid arguments for it. */
export interface HostileTarget {
  readonly tool: AnyTool;
  readonly args: Record<string, unknown>;
}

const API_KEY = 'cpk_Hostile_0123456789_AbCdEf+gh/IJ='; // 36 characters, some changed by URL encoding
const SETTINGS = { maxAttempts: 3, maxResponseBytes: 64 * 1024 };
const PATIENT = { timeoutMs: 15_000, budgetMs: 30_000 };
const IMPATIENT = { timeoutMs: 300, budgetMs: 700 };

/**
 * The hostile-upstream suite: every fault over every target, all targets at once, through one harness. For each
 * tool and fault it checks the result (a clear error, or the right data), that the same caller answers a healthy
 * call afterwards, that the key is nowhere (results, errors, attempt events, console), that no request went
 * anywhere but the tool's operation, and that a non-idempotent write was sent at most once.
 */
export function describeHostileUpstream(
  name: string,
  harness: HostileHarness,
  targets: readonly HostileTarget[],
): void {
  describe(`hostile upstream: ${name}`, () => {
    let upstream: HostileUpstream;
    const callers = new Map<string, HostileCaller>();
    const modes = new Map<string, typeof PATIENT>();
    const waits = new Map<string, number[]>();
    const events: AttemptEvent[] = [];
    const logged: unknown[] = [];
    const faults: Fault[] = [];

    beforeAll(async () => {
      upstream = await startHostileUpstream();
      faults.push(...hostileFaults({ apiKey: API_KEY, elsewhere: upstream.elsewhere.url, ...SETTINGS }));
      for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const)
        vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logged.push(args));
      for (const { tool } of targets) {
        const lane = tool.name;
        modes.set(lane, PATIENT);
        waits.set(lane, []);
        const options: HostileCallOptions = {
          apiKey: API_KEY,
          baseUrl: upstream.baseUrl(lane),
          get timeoutMs() {
            return modes.get(lane)!.timeoutMs;
          },
          get retry() {
            const budgetMs = modes.get(lane)!.budgetMs;
            return { maxAttempts: SETTINGS.maxAttempts, baseDelayMs: 1, maxDelayMs: 1_000, budgetMs };
          },
          maxResponseBytes: SETTINGS.maxResponseBytes,
          sleep: async (ms) => void waits.get(lane)!.push(ms),
          onAttempt: (event) => void events.push(event),
        };
        callers.set(lane, await harness.open(tool, options));
      }
    });
    afterAll(async () => {
      vi.restoreAllMocks();
      await Promise.all([...callers.values()].map((c) => c.close()));
      await upstream?.close();
    });

    /** One fault then one healthy call, for one tool: what went wrong, and how many requests reached the fault. */
    async function trial(fault: Fault, { tool, args }: HostileTarget): Promise<[string[], number]> {
      const caller = callers.get(tool.name)!;
      const expected = fault.expect(tool);
      upstream.set(tool.name, fault.handler(tool));
      waits.set(tool.name, []);
      modes.set(tool.name, fault.hangs ? IMPATIENT : PATIENT);
      const result = await caller.call(args);
      modes.set(tool.name, PATIENT);
      const seen = upstream.seen(tool.name);
      const problems = [
        ...checkRequests(tool, seen, expected),
        ...checkResult(tool, result, expected, waits.get(tool.name)!, API_KEY),
      ];
      upstream.set(tool.name, healthy(tool));
      problems.push(...checkHealthy(tool, await caller.call(args)));
      return [problems.map((p) => `${tool.name}: ${p}`), seen.length];
    }

    it('covers every target tool', () => {
      expect(callers.size).toBe(targets.length);
      expect(faults.length).toBeGreaterThan(0);
    });

    // Fault names do not depend on the upstream's address, so they can be listed before it starts.
    const names = hostileFaults({ apiKey: API_KEY, elsewhere: 'http://127.0.0.1:1', ...SETTINGS }).map(
      (f) => f.name,
    );
    it.each(names)('%s, over every tool', async (faultName) => {
      const fault = faults.find((f) => f.name === faultName)!;
      upstream.strays.length = 0;
      upstream.elsewhere.seen.length = 0;
      const trials = await Promise.all(targets.map((t) => trial(fault, t)));
      expect(trials.flatMap(([problems]) => problems)).toStrictEqual([]);
      expect(trials.some(([, requests]) => requests > 0)).toBe(true);
      expect(upstream.strays).toStrictEqual([]);
      expect(upstream.elsewhere.seen).toStrictEqual([]);
    });

    it('logged nothing and emitted no attempt event that holds the key', () => {
      expect(events.length).toBeGreaterThan(0);
      expect(leaksIn(JSON.stringify(events), API_KEY)).toStrictEqual([]);
      const text = JSON.stringify(logged, (_k, v: unknown) => (v instanceof Error ? v.stack : v));
      expect(leaksIn(text, API_KEY)).toStrictEqual([]);
    });
  });
}
