// Gemini CLI as users run it: `init gemini` writes .gemini/settings.json (checkout build), `gemini mcp add
// -t http` adds our HTTP server, and `gemini mcp list` connects to both once the folder is trusted. A
// scripted Gemini API stub (GOOGLE_GEMINI_BASE_URL) shows the tools Gemini offers the model and drives an
// agent loop against the sandbox.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { createSandbox, type Sandbox } from '@chilipiper-mcp/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentSteps, expectAgentRun, FINAL_TEXT, PROMPT } from '../support/agent.js';
import { CLIENT_INSTALL_TIMEOUT_MS, CLIENT_PACKAGES, clientEnv } from '../support/clients.js';
import { expectNegotiated, obtainClient, tempHome } from '../support/fixture.js';
import { geminiHome, geminiStatus } from '../support/gemini.js';
import { startRecorder, type Recorder } from '../support/mcp-recorder.js';
import { startModelStub, type ModelStub } from '../support/model/index.js';
import { init, ourToolNames, startHttpServer, STDIO_CLI } from '../support/ours.js';
import { run } from '../support/run.js';
import { jsonTokens, reportTokens } from '../support/tokens.js';

/** How Gemini names the tools of the server `chili-piper-edge` for the model. */
const PREFIX = 'mcp_chili-piper-edge_';

describe(`Gemini CLI (${CLIENT_PACKAGES.gemini}) with what init writes`, () => {
  let exe = '';
  let unavailable: string | undefined;
  let ours: string[] = [];
  let sandbox: Sandbox | undefined;
  let http: Awaited<ReturnType<typeof startHttpServer>> | undefined;
  let recorder: Recorder | undefined;
  let model: ModelStub | undefined;
  const home = tempHome('cp-gemini-');
  const project = join(home, 'project');
  const key = { label: 'gemini', secret: '' };
  let env: Record<string, string> = {};
  const gemini = (args: string[]) => run(exe, args, { cwd: project, env, timeoutMs: 90_000 });

  beforeAll(async () => {
    const obtained = await obtainClient('gemini');
    if ('unavailable' in obtained) return void (unavailable = obtained.unavailable);
    exe = obtained.exe;
    ours = await ourToolNames(['--sandbox']);
    sandbox = await createSandbox();
    key.secret = sandbox.createKey({ label: key.label });
    http = await startHttpServer({ ...process.env, CHILI_PIPER_API_KEY: '' });
    recorder = await startRecorder(http.url);
    model = await startModelStub(agentSteps(), FINAL_TEXT, PREFIX);
    env = clientEnv(home, {
      GOOGLE_GEMINI_BASE_URL: model.url,
      GEMINI_API_KEY: 'stub-key',
      CHILI_PIPER_API_KEY: key.secret,
    });
  }, CLIENT_INSTALL_TIMEOUT_MS);

  afterAll(async () => {
    await Promise.all([recorder?.close(), http?.stop(), model?.close(), sandbox?.close()]);
    rmSync(home, { recursive: true, force: true });
  });

  it('ignores the servers in an untrusted folder, then connects over stdio and HTTP', async (ctx) => {
    if (unavailable) return ctx.skip(unavailable);
    geminiHome(home);
    await init('gemini', ['--sandbox'], env, project);
    const untrusted = await gemini(['mcp', 'list']);
    // `gemini mcp list` prints on stderr.
    expect(untrusted.stderr).toMatch(/disabled because this folder is untrusted/);
    expect(geminiStatus(untrusted.stderr, 'chili-piper'), untrusted.stderr).toBe('Disabled');

    // Trust first: in an untrusted folder `gemini mcp add` rewrites the project's servers, dropping ours.
    geminiHome(home, project);
    const add = await gemini(['mcp', 'add', '-t', 'http', 'chili-piper-http', recorder!.url]);
    expect(add.code, add.stderr).toBe(0);
    const list = await gemini(['mcp', 'list']);
    expect(list.stderr).toContain(`chili-piper: node ${STDIO_CLI} --sandbox (stdio) - Connected`);
    expect(geminiStatus(list.stderr, 'chili-piper-http'), list.stderr).toBe('Connected');
    expectNegotiated(recorder!, 'Gemini CLI');
    console.log(`[time] gemini mcp list (2 servers): ${list.ms} ms`);
  }, 120_000);

  it('runs an agent loop (--approval-mode yolo) with the key from ${CHILI_PIPER_API_KEY}, offering every tool', async (ctx) => {
    if (unavailable) return ctx.skip(unavailable);
    geminiHome(home, project);
    await init('gemini', ['--name', 'chili-piper-edge', '--base-url', sandbox!.url], env, project);
    sandbox!.requests.clear();
    model!.requests.length = 0;
    const r = await gemini(['-p', PROMPT, '-o', 'json', '--approval-mode', 'yolo', '-m', 'gemini-2.5-flash']);
    const log = `${r.stdout}\n${r.stderr}`;
    expect(r.code, log).toBe(0);
    expect(JSON.parse(r.stdout.slice(r.stdout.indexOf('{')))).toMatchObject({ response: FINAL_TEXT });
    // Every server in the project's settings (init's two, and the HTTP one when the first test added it).
    const settings = JSON.parse(readFileSync(join(project, '.gemini', 'settings.json'), 'utf8')) as {
      mcpServers: Record<string, unknown>;
    };
    const offered = model!.loop()[0]!.tools;
    for (const server of Object.keys(settings.mcpServers)) {
      const prefix = `mcp_${server}_`;
      const mine = offered.filter(
        (t) => t.name.startsWith(prefix) && !t.name.slice(prefix.length).includes('_'),
      );
      expect(mine.map((t) => t.name.slice(prefix.length)).sort(), server).toStrictEqual(ours);
      if (prefix === PREFIX) {
        reportTokens(
          'Gemini CLI',
          `as ${PREFIX}<tool>`,
          mine.length,
          jsonTokens(mine.map((t) => t.definition)),
        );
      }
    }
    await expectAgentRun(model!, sandbox!, key, log);
    console.log(`[time] gemini -p agent loop: ${r.ms} ms`);
  }, 120_000);
});
