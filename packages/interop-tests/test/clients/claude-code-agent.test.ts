// A real Claude Code agent loop: `claude -p` against a scripted Anthropic Messages stub (SSE), with the
// stdio server `init claude-code --base-url <sandbox>` wrote and the key expanded by Claude from
// ${CHILI_PIPER_API_KEY}. The stub calls tenant-get, then meeting-list-put for this week, then answers.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createSandbox, type Sandbox } from '@chilipiper-mcp/sandbox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentSteps, expectAgentRun, FINAL_TEXT, PROMPT } from '../support/agent.js';
import { trustProject } from '../support/claude.js';
import { CLIENT_INSTALL_TIMEOUT_MS, CLIENT_PACKAGES, clientEnv } from '../support/clients.js';
import { obtainClient, tempHome } from '../support/fixture.js';
import { startModelStub, type ModelStub } from '../support/model/index.js';
import { init, ourToolNames } from '../support/ours.js';
import { run } from '../support/run.js';

describe(`Claude Code (${CLIENT_PACKAGES.claude}) agent loop with a scripted model`, () => {
  let exe = '';
  let unavailable: string | undefined;
  let sandbox: Sandbox | undefined;
  let model: ModelStub | undefined;
  const home = tempHome('cp-claude-agent-');
  const project = join(home, 'project');

  beforeAll(async () => {
    const obtained = await obtainClient('claude');
    if ('unavailable' in obtained) return void (unavailable = obtained.unavailable);
    exe = obtained.exe;
    sandbox = await createSandbox();
    model = await startModelStub(agentSteps(), FINAL_TEXT);
  }, CLIENT_INSTALL_TIMEOUT_MS);

  afterAll(async () => {
    await model?.close();
    await sandbox?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('calls our tools on the sandbox and hands their results back to the model', async (ctx) => {
    if (unavailable) return ctx.skip(unavailable);
    const key = { label: 'claude-code-agent', secret: '' };
    key.secret = sandbox!.createKey({ label: key.label });
    const env = clientEnv(home, {
      ANTHROPIC_BASE_URL: model!.url,
      ANTHROPIC_API_KEY: 'stub-key',
      ENABLE_TOOL_SEARCH: 'false',
      CHILI_PIPER_API_KEY: key.secret,
    });
    await init('claude-code', ['--base-url', sandbox!.url], env, project);
    trustProject(home, project, ['chili-piper']);
    const allowed = ['tenant-get', 'meeting-list-put'].map((t) => `mcp__chili-piper__${t}`);
    const r = await run(
      exe,
      ['-p', PROMPT, '--output-format', 'stream-json', '--verbose', '--allowedTools', ...allowed],
      { cwd: project, env, timeoutMs: 90_000 },
    );
    const log = `${r.stdout}\n${r.stderr}`;
    expect(r.code, log).toBe(0);
    const events = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events.at(-1), log).toMatchObject({ type: 'result', subtype: 'success', result: FINAL_TEXT });

    const ours = await ourToolNames(['--base-url', sandbox!.url], { CHILI_PIPER_API_KEY: key.secret });
    const offered = model!
      .loop()[0]!
      .tools.map((t) => t.name)
      .filter((n) => n.startsWith('mcp__chili-piper__'));
    expect(offered.sort()).toStrictEqual(ours.map((n) => `mcp__chili-piper__${n}`));
    await expectAgentRun(model!, sandbox!, key, log);
    console.log(`[time] claude -p agent loop (3 model turns, 2 tool calls): ${r.ms} ms`);
  }, 120_000);
});
