// Issue #9, item 4: one huge upstream answer must not blow up the stdio server's memory. Spawns the built CLI
// against a local upstream that answers every call with 60 MB of JSON, then reads the child's peak RSS
// (VmHWM in /proc/<pid>/status). Linux only; the figure is printed so it can be quoted.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const CLI = resolve(dirname(fileURLToPath(import.meta.url)), '../../stdio/dist/cli.js');
const ANSWER_BYTES = 60 * 1024 * 1024;
const LIMIT_KB = 250 * 1024;
const KEY = 'memory_test_key_0123456789abcdef';

/** Answers every request with a 60 MB JSON list, written in 64 kB chunks. */
function hugeUpstream(): Promise<Server> {
  const item = JSON.stringify({ id: '67929af0725ce43853fd2b8c', name: 'x'.repeat(200) });
  const chunk = Buffer.from(`${item},`.repeat(Math.floor(65_536 / (item.length + 1))));
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{"results":[');
    let sent = 0;
    const pump = (): void => {
      while (sent < ANSWER_BYTES) {
        sent += chunk.length;
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      res.end(`${item}]}`);
    };
    res.on('close', () => (sent = ANSWER_BYTES));
    pump();
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

function peakRssKb(pid: number): number {
  const line = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(line?.[1]);
}

/** Sends JSON-RPC lines and resolves with the response of the given id. */
function rpc(child: ChildProcessWithoutNullStreams, id: number, message: object): Promise<unknown> {
  let buffer = '';
  return new Promise((done) => {
    const onData = (data: Buffer): void => {
      buffer += data.toString();
      for (let i = buffer.indexOf('\n'); i >= 0; i = buffer.indexOf('\n')) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 1);
        const parsed = JSON.parse(line) as { id?: number };
        if (parsed.id === id) {
          child.stdout.off('data', onData);
          done(parsed);
        }
      }
    };
    child.stdout.on('data', onData);
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id, ...message })}\n`);
  });
}

describe.skipIf(!existsSync('/proc/self/status') || !existsSync(CLI))('stdio server memory', () => {
  let upstream: Server | undefined;
  let child: ChildProcessWithoutNullStreams | undefined;
  afterAll(async () => {
    child?.kill();
    upstream?.closeAllConnections();
    await new Promise((done) => upstream?.close(done));
  });

  it('a 60 MB answer leaves the peak RSS under 250 MB', async () => {
    upstream = await hugeUpstream();
    const { port } = upstream.address() as AddressInfo;
    child = spawn(process.execPath, [CLI], {
      env: {
        PATH: process.env['PATH'] ?? '',
        HOME: process.env['HOME'] ?? '',
        CHILI_PIPER_API_KEY: KEY,
        CHILI_PIPER_BASE_URL: `http://127.0.0.1:${port}/api/fire-edge`,
      },
    });
    child.stderr.resume();
    await rpc(child, 1, {
      method: 'initialize',
      params: {
        protocolVersion: '2025-06-18',
        capabilities: {},
        clientInfo: { name: 'memory', version: '1' },
      },
    });
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`);
    const before = peakRssKb(child.pid!);
    const answer = (await rpc(child, 2, {
      method: 'tools/call',
      params: { name: 'tenant-get', arguments: {} },
    })) as { result?: { isError?: boolean; content: { text: string }[] } };
    const peak = peakRssKb(child.pid!);
    console.info(
      `stdio peak RSS: ${Math.round(before / 1024)} MB before the call, ${Math.round(peak / 1024)} MB after a 60 MB answer`,
    );
    expect(JSON.stringify(answer)).not.toContain(KEY);
    expect(answer.result?.isError).toBe(true);
    expect(answer.result?.content[0]?.text).toMatch(/larger than 8\.4 MB, the most this server reads/);
    expect(peak).toBeLessThan(LIMIT_KB);
  }, 60_000);
});
