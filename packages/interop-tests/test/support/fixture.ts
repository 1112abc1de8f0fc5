import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SUPPORTED_PROTOCOL_VERSIONS } from '@modelcontextprotocol/sdk/types.js';
import { expect } from 'vitest';
import { clientsBin, executable, versionOf, type ClientName } from './clients.js';
import type { Recorder } from './mcp-recorder.js';
import { unavailableOrThrow } from './node22.js';
import { run } from './run.js';

/**
 * The path of a pinned client, or the reason it cannot run here (skips locally, throws under CI): the
 * install failed, or `<client> --version` does not print the pinned version.
 */
export async function obtainClient(client: ClientName): Promise<{ exe: string } | { unavailable: string }> {
  const installed = await clientsBin();
  if ('unavailable' in installed) return { unavailable: unavailableOrThrow(installed.unavailable)! };
  const exe = executable(installed.bin, client);
  const home = tempHome(`cp-${client}-version-`);
  const r = await run(exe, ['--version'], { env: { ...process.env, HOME: home }, timeoutMs: 30_000 }).catch(
    (error: unknown) => ({ code: null, stdout: '', stderr: String(error) }),
  );
  rmSync(home, { recursive: true, force: true });
  const wanted = versionOf(client);
  if (r.code === 0 && r.stdout.includes(wanted)) return { exe };
  return {
    unavailable: unavailableOrThrow(
      `${exe} --version (want ${wanted}) exited ${r.code}: ${r.stdout}${r.stderr}`,
    )!,
  };
}

/** A fresh home folder with a `project` folder inside. */
export function tempHome(prefix: string): string {
  const home = mkdtempSync(join(tmpdir(), prefix));
  mkdirSync(join(home, 'project'));
  return home;
}

/** Checks the recorded `initialize` and returns the protocol version the client and our server agreed on. */
export function expectNegotiated(recorder: Recorder, client: string): string {
  const n = recorder.negotiation();
  expect(n, `${client} sent no initialize through the recorder`).toBeDefined();
  expect(SUPPORTED_PROTOCOL_VERSIONS).toContain(n!.negotiated);
  // Streamable HTTP: later requests should carry the agreed version. Gemini CLI sends none (our server
  // accepts that); a different version would be a client bug.
  const sent = n!.laterHeaders.filter((h) => h !== undefined);
  expect(
    sent.every((h) => h === n!.negotiated),
    JSON.stringify(n),
  ).toBe(true);
  const header =
    sent.length === n!.laterHeaders.length ? 'sends' : sent.length ? 'sometimes sends' : 'never sends';
  console.log(
    `[protocol] ${client} (${n!.client.name} ${n!.client.version}) asked ${n!.requested}, negotiated ${n!.negotiated}; ${header} MCP-Protocol-Version`,
  );
  return n!.negotiated;
}
