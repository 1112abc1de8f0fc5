// Starts the example app on a loopback port against a sandbox started here, then runs the example client
// script, which asserts what it sees and exits non-zero on a mismatch.
import { catalog, selectTools } from '@chilipiper-mcp/core';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSandbox } from '@chilipiper-mcp/sandbox';

/** The tools a server lists by default (opt-in tools left out). */
const DEFAULT_TOOLS = selectTools(catalog).length;

const dir = fileURLToPath(new URL('..', import.meta.url));

type Sandbox = Awaited<ReturnType<typeof createSandbox>>;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a node script to completion. */
function runNode(args: string[], env: Record<string, string>, timeoutMs = 20_000): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: dir, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`timed out: node ${args.join(' ')}\n${stdout}\n${stderr}`));
    }, timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Starts the app and resolves with its URL once it prints `listening on`. */
function startApp(
  env: Record<string, string>,
): Promise<{ url: string; child: ChildProcess; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['src/app.mjs'], {
      cwd: dir,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    });
    let output = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`app did not start:\n${output}`));
    }, 20_000);
    const onData = (d: Buffer) => {
      output += d;
      const m = /listening on (http:\/\/\S+)/.exec(output);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ url: m[1], child, output: () => output });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`app exited with ${code}:\n${output}`));
    });
  });
}

function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 3_000).unref();
  });
}

describe('examples/express', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await createSandbox();
  });
  afterAll(async () => {
    await sandbox?.close();
  });

  it('serves its own routes and the MCP endpoint in caller-key mode', async () => {
    const app = await startApp({ MCP_CREDENTIALS_MODE: 'caller-key', CHILI_PIPER_BASE_URL: sandbox.url });
    try {
      const hello = await fetch(`${app.url}/api/hello?name=mcp`);
      expect(await hello.json()).toEqual({ hello: 'mcp' });
      expect((await fetch(`${app.url}/`)).status).toBe(200);
      expect(await (await fetch(`${app.url}/healthz`)).json()).toEqual({ status: 'ok' });
      expect((await fetch(`${app.url}/nope`)).status).toBe(404);

      // The caller's own key (here: one of the second sandbox tenant, Globex) is what goes upstream.
      const callerKey = sandbox.createKey({ tenant: 'globex', label: 'express-caller' });
      const before = sandbox.requests.length;
      const run = await runNode(['src/client.mjs', `${app.url}/mcp`], {
        MCP_BEARER: callerKey,
        EXPECT_TENANT: 'globex',
        EXPECT_TOOLS: String(DEFAULT_TOOLS),
      });
      expect(run.code, run.stdout + run.stderr).toBe(0);
      expect(run.stderr).not.toContain('FAIL');
      expect(run.stdout).toContain(`tools: ${DEFAULT_TOOLS}`);
      expect(run.stdout).toContain('tenant: globex');
      const upstream = sandbox.requests.slice(before).filter((r) => r.operation === 'tenant-get');
      expect(upstream).toHaveLength(1);
      expect(upstream[0]).toMatchObject({ status: 200, keyId: 'express-caller', tenant: 'globex' });

      // No bearer: the endpoint refuses, the client exits non-zero.
      const anonymous = await runNode(['src/client.mjs', `${app.url}/mcp`], { MCP_BEARER: '' });
      expect(anonymous.code).not.toBe(0);
    } finally {
      await stop(app.child);
    }
  });

  it('server-key mode: callers send the app token, the app holds the Chili Piper key', async () => {
    const token = 'example-token-0123456789abcdef';
    const app = await startApp({
      MCP_CREDENTIALS_MODE: 'server-key',
      CHILI_PIPER_BASE_URL: sandbox.url,
      CHILI_PIPER_API_KEY: sandbox.apiKey,
      MCP_HTTP_TOKENS: token,
    });
    try {
      const ok = await runNode(['src/client.mjs', `${app.url}/mcp`], {
        MCP_BEARER: token,
        EXPECT_TENANT: 'acme',
      });
      expect(ok.code, ok.stdout + ok.stderr).toBe(0);
      expect(ok.stdout).toContain('tenant: acme');

      const wrong = await runNode(['src/client.mjs', `${app.url}/mcp`], {
        MCP_BEARER: 'wrong-token-0123456789abcdef',
      });
      expect(wrong.code).not.toBe(0);
      // The mismatch check itself: a wrong expectation makes the client fail.
      const mismatch = await runNode(['src/client.mjs', `${app.url}/mcp`], {
        MCP_BEARER: token,
        EXPECT_TENANT: 'not-acme',
      });
      expect(mismatch.code).toBe(1);
      expect(mismatch.stderr).toContain('FAIL: expected tenant not-acme');
    } finally {
      await stop(app.child);
    }
  });
});
