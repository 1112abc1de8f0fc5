// opencode as users run it: `init opencode` writes opencode.json (checkout build), `opencode mcp add --url`
// adds our HTTP server, and `opencode mcp list` connects to both. opencode's Anthropic provider, pointed at
// the scripted stub, shows the tools it offers the model and runs an agent loop against the sandbox.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { expectAgentRun, FINAL_TEXT, PROMPT } from '../support/agent.js';
import { clientSuite, expectEveryServerOffered } from '../support/client-suite.js';
import { CLIENT_PACKAGES } from '../support/clients.js';
import { expectNegotiated } from '../support/fixture.js';
import { init, STDIO_CLI } from '../support/ours.js';

describe(`opencode (${CLIENT_PACKAGES.opencode}) with what init writes`, () => {
  // opencode names the tools of the server `chili-piper-edge` `chili-piper-edge_<tool>`. The model provider
  // comes from the environment, so the config files hold only what init and `opencode mcp add` wrote.
  const { project, ready } = clientSuite('opencode', 'chili-piper-edge_', (model) => {
    const provider = { anthropic: { options: { baseURL: `${model.url}/v1`, apiKey: 'stub-key' } } };
    return { OPENCODE_CONFIG_CONTENT: JSON.stringify({ model: 'anthropic/claude-sonnet-4-5', provider }) };
  });

  it('connects to the stdio server init wrote and to the HTTP server', async (ctx) => {
    const { cli, env, recorder } = ready(ctx);
    await init('opencode', ['--sandbox'], env, project);
    const add = await cli(['mcp', 'add', 'chili-piper-http', '--url', recorder.url]);
    expect(add.code, `${add.stdout}${add.stderr}`).toBe(0);
    const list = await cli(['mcp', 'list']);
    const out = stripVTControlCharacters(`${list.stdout}${list.stderr}`); // colours despite NO_COLOR
    expect(list.code, out).toBe(0);
    expect(out).toContain(`✓ chili-piper connected\n│      node ${STDIO_CLI} --sandbox\n`);
    expect(out).toContain(`✓ chili-piper-http connected\n│      ${recorder.url}\n`);
    expectNegotiated(recorder, 'opencode');
    console.log(`[time] opencode mcp list (2 servers): ${list.ms} ms`);
  }, 120_000);

  it('runs an agent loop with the key from {env:CHILI_PIPER_API_KEY}, offering every tool', async (ctx) => {
    const rig = ready(ctx);
    await init('opencode', ['--name', 'chili-piper-edge', '--base-url', rig.sandbox.url], rig.env, project);
    rig.forgetRequests();
    const r = await rig.cli(['run', '--format', 'json', PROMPT]);
    const log = `${r.stdout}\n${r.stderr}`;
    expect(r.code, log).toBe(0);
    expect(r.stdout).toContain(JSON.stringify(FINAL_TEXT));
    // Every local server in opencode.json: init's two.
    const config = JSON.parse(readFileSync(join(project, 'opencode.json'), 'utf8')) as {
      mcp: Record<string, unknown>;
    };
    expectEveryServerOffered(rig, Object.keys(config.mcp), (s) => `${s}_`, 'opencode');
    await expectAgentRun(rig.model, rig.sandbox, rig.key, log);
    console.log(`[time] opencode run agent loop: ${r.ms} ms`);
  }, 120_000);
});
