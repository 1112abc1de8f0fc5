// opencode as users run it: `init opencode` writes opencode.json (checkout build), `opencode mcp add --url`
// adds our HTTP server, and `opencode mcp list` connects to both. opencode's Anthropic provider, pointed at
// the scripted stub, shows the tools it offers the model and runs an agent loop against the sandbox.
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { createSandbox, type Sandbox } from '@chilipiper-mcp/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentSteps, expectAgentRun, FINAL_TEXT, PROMPT } from '../support/agent.js';
import { CLIENT_INSTALL_TIMEOUT_MS, CLIENT_PACKAGES, clientEnv } from '../support/clients.js';
import { expectNegotiated, obtainClient, tempHome } from '../support/fixture.js';
import { startRecorder, type Recorder } from '../support/mcp-recorder.js';
import { startModelStub, type ModelStub } from '../support/model/index.js';
import { init, ourToolNames, startHttpServer, STDIO_CLI } from '../support/ours.js';
import { run } from '../support/run.js';
import { jsonTokens, reportTokens } from '../support/tokens.js';

/** How opencode names the tools of the server `chili-piper-edge` for the model. */
const PREFIX = 'chili-piper-edge_';

describe(`opencode (${CLIENT_PACKAGES.opencode}) with what init writes`, () => {
  let exe = '';
  let unavailable: string | undefined;
  let ours: string[] = [];
  let sandbox: Sandbox | undefined;
  let http: Awaited<ReturnType<typeof startHttpServer>> | undefined;
  let recorder: Recorder | undefined;
  let model: ModelStub | undefined;
  const home = tempHome('cp-opencode-');
  const project = join(home, 'project');
  const key = { label: 'opencode', secret: '' };
  let env: Record<string, string> = {};
  const opencode = (args: string[]) => run(exe, args, { cwd: project, env, timeoutMs: 90_000 });

  beforeAll(async () => {
    const obtained = await obtainClient('opencode');
    if ('unavailable' in obtained) return void (unavailable = obtained.unavailable);
    exe = obtained.exe;
    ours = await ourToolNames(['--sandbox']);
    sandbox = await createSandbox();
    key.secret = sandbox.createKey({ label: key.label });
    http = await startHttpServer({ ...process.env, CHILI_PIPER_API_KEY: '' });
    recorder = await startRecorder(http.url);
    model = await startModelStub(agentSteps(), FINAL_TEXT, PREFIX);
    // The model provider comes from the environment, so the config files hold only what init and
    // `opencode mcp add` wrote.
    const provider = { anthropic: { options: { baseURL: `${model.url}/v1`, apiKey: 'stub-key' } } };
    env = clientEnv(home, {
      OPENCODE_CONFIG_CONTENT: JSON.stringify({ model: 'anthropic/claude-sonnet-4-5', provider }),
      CHILI_PIPER_API_KEY: key.secret,
    });
  }, CLIENT_INSTALL_TIMEOUT_MS);

  afterAll(async () => {
    await Promise.all([recorder?.close(), http?.stop(), model?.close(), sandbox?.close()]);
    rmSync(home, { recursive: true, force: true });
  });

  it('connects to the stdio server init wrote and to the HTTP server', async (ctx) => {
    if (unavailable) return ctx.skip(unavailable);
    await init('opencode', ['--sandbox'], env, project);
    const add = await opencode(['mcp', 'add', 'chili-piper-http', '--url', recorder!.url]);
    expect(add.code, `${add.stdout}${add.stderr}`).toBe(0);
    const list = await opencode(['mcp', 'list']);
    const out = stripVTControlCharacters(`${list.stdout}${list.stderr}`); // colours despite NO_COLOR
    expect(list.code, out).toBe(0);
    expect(out).toContain(`✓ chili-piper connected\n│      node ${STDIO_CLI} --sandbox\n`);
    expect(out).toContain(`✓ chili-piper-http connected\n│      ${recorder!.url}\n`);
    expectNegotiated(recorder!, 'opencode');
    console.log(`[time] opencode mcp list (2 servers): ${list.ms} ms`);
  }, 120_000);

  it('runs an agent loop with the key from {env:CHILI_PIPER_API_KEY}, offering every tool', async (ctx) => {
    if (unavailable) return ctx.skip(unavailable);
    await init('opencode', ['--name', 'chili-piper-edge', '--base-url', sandbox!.url], env, project);
    sandbox!.requests.clear();
    model!.requests.length = 0;
    const r = await opencode(['run', '--format', 'json', PROMPT]);
    const log = `${r.stdout}\n${r.stderr}`;
    expect(r.code, log).toBe(0);
    expect(r.stdout).toContain(JSON.stringify(FINAL_TEXT));
    // Every local server in opencode.json: init's two.
    const config = JSON.parse(readFileSync(join(project, 'opencode.json'), 'utf8')) as {
      mcp: Record<string, unknown>;
    };
    const offered = model!.loop()[0]!.tools;
    for (const server of Object.keys(config.mcp)) {
      const prefix = `${server}_`;
      const mine = offered.filter(
        (t) => t.name.startsWith(prefix) && !t.name.slice(prefix.length).includes('_'),
      );
      expect(mine.map((t) => t.name.slice(prefix.length)).sort(), server).toStrictEqual(ours);
      if (prefix === PREFIX)
        reportTokens(
          'opencode',
          `as ${PREFIX}<tool>`,
          mine.length,
          jsonTokens(mine.map((t) => t.definition)),
        );
    }
    await expectAgentRun(model!, sandbox!, key, log);
    console.log(`[time] opencode run agent loop: ${r.ms} ms`);
  }, 120_000);
});
