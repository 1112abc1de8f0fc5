// Gemini CLI as users run it: `init gemini` writes .gemini/settings.json (checkout build), `gemini mcp add
// -t http` adds our HTTP server, and `gemini mcp list` connects to both once the folder is trusted. A
// scripted Gemini API stub (GOOGLE_GEMINI_BASE_URL) shows the tools Gemini offers the model and drives an
// agent loop against the sandbox.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectAgentRun, FINAL_TEXT, PROMPT } from '../support/agent.js';
import { clientSuite, expectEveryServerOffered } from '../support/client-suite.js';
import { CLIENT_PACKAGES } from '../support/clients.js';
import { expectNegotiated } from '../support/fixture.js';
import { geminiHome, geminiStatus } from '../support/gemini.js';
import { init, STDIO_CLI } from '../support/ours.js';

describe(`Gemini CLI (${CLIENT_PACKAGES.gemini}) with what init writes`, () => {
  // Gemini names the tools of the server `chili-piper-edge` `mcp_chili-piper-edge_<tool>`.
  const { home, project, ready } = clientSuite('gemini', 'mcp_chili-piper-edge_', (model) => ({
    GOOGLE_GEMINI_BASE_URL: model.url,
    GEMINI_API_KEY: 'stub-key',
  }));

  it('ignores the servers in an untrusted folder, then connects over stdio and HTTP', async (ctx) => {
    const { cli, env, recorder } = ready(ctx);
    geminiHome(home);
    await init('gemini', ['--sandbox'], env, project);
    const untrusted = await cli(['mcp', 'list']);
    // `gemini mcp list` prints on stderr.
    expect(untrusted.stderr).toMatch(/disabled because this folder is untrusted/);
    expect(geminiStatus(untrusted.stderr, 'chili-piper'), untrusted.stderr).toBe('Disabled');

    // Trust first: in an untrusted folder `gemini mcp add` rewrites the project's servers, dropping ours.
    geminiHome(home, project);
    const add = await cli(['mcp', 'add', '-t', 'http', 'chili-piper-http', recorder.url]);
    expect(add.code, add.stderr).toBe(0);
    const list = await cli(['mcp', 'list']);
    expect(list.stderr).toContain(`chili-piper: node ${STDIO_CLI} --sandbox (stdio) - Connected`);
    expect(geminiStatus(list.stderr, 'chili-piper-http'), list.stderr).toBe('Connected');
    expectNegotiated(recorder, 'Gemini CLI');
    console.log(`[time] gemini mcp list (2 servers): ${list.ms} ms`);
  }, 120_000);

  it('runs an agent loop (--approval-mode yolo) with the key from ${CHILI_PIPER_API_KEY}, offering every tool', async (ctx) => {
    const rig = ready(ctx);
    geminiHome(home, project);
    await init('gemini', ['--name', 'chili-piper-edge', '--base-url', rig.sandbox.url], rig.env, project);
    rig.forgetRequests();
    const r = await rig.cli([
      '-p',
      PROMPT,
      '-o',
      'json',
      '--approval-mode',
      'yolo',
      '-m',
      'gemini-2.5-flash',
    ]);
    const log = `${r.stdout}\n${r.stderr}`;
    expect(r.code, log).toBe(0);
    expect(JSON.parse(r.stdout.slice(r.stdout.indexOf('{')))).toMatchObject({ response: FINAL_TEXT });
    // Every server in the project's settings (init's two, and the HTTP one when the first test added it).
    const settings = JSON.parse(readFileSync(join(project, '.gemini', 'settings.json'), 'utf8')) as {
      mcpServers: Record<string, unknown>;
    };
    expectEveryServerOffered(rig, Object.keys(settings.mcpServers), (s) => `mcp_${s}_`, 'Gemini CLI');
    await expectAgentRun(rig.model, rig.sandbox, rig.key, log);
    console.log(`[time] gemini -p agent loop: ${r.ms} ms`);
  }, 120_000);
});
