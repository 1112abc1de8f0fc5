// Codex as users run it: `init codex` writes ~/.codex/config.toml (checkout build), `codex mcp add --url`
// adds our HTTP server, and `codex app-server --strict-config` (Codex's JSON-RPC interface; `codex mcp list`
// only prints the config) connects to each server, lists every tool and calls tenant-get. A scripted
// Responses API stub drives a real agent turn through the same servers.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectAgentRun, PROMPT } from '../support/agent.js';
import { clientSuite } from '../support/client-suite.js';
import { CLIENT_PACKAGES } from '../support/clients.js';
import { startAppServer, type AppServer } from '../support/codex.js';
import { expectNegotiated } from '../support/fixture.js';
import { init, STDIO_CLI } from '../support/ours.js';
import { jsonTokens, reportTokens } from '../support/tokens.js';

type Json = Record<string, unknown>;
interface Status {
  name: string;
  tools: Record<string, unknown>;
  serverInfo: { name: string } | null;
}

/** `-c` overrides that send Codex's model traffic to the stub (the config file stays what init wrote). */
const stubProvider = (url: string) => [
  '-c',
  'model_provider="stub"',
  '-c',
  'model="gpt-5-codex"',
  '-c',
  `model_providers.stub={ name = "stub", base_url = "${url}/v1", wire_api = "responses", env_key = "STUB_KEY", supports_websockets = false }`,
];

describe(`Codex (${CLIENT_PACKAGES.codex}) with what init writes`, () => {
  let app: AppServer | undefined;
  // Codex names the tools of the server `chili-piper-edge` `mcp__chili_piper_edge__<tool>` (`-` read as `_`).
  const { home, project, ready } = clientSuite('codex', 'mcp__chili_piper_edge__', () => ({
    STUB_KEY: 'stub-key',
  }));
  // Registered after the suite's teardown, so it runs before it: Codex stops before the servers it uses.
  afterAll(async () => {
    await app?.close();
  });

  it('connects to the stdio and HTTP servers and lists every tool (mcpServerStatus/list)', async (ctx) => {
    const { cli, env, exe, model, ours, recorder, sandbox } = ready(ctx);
    await init('codex', ['--sandbox'], env, project);
    const named = await init(
      'codex',
      ['--name', 'chili-piper-edge', '--base-url', sandbox.url],
      env,
      project,
    );
    expect(named.stderr).toContain('"chili-piper-edge" should list its tools');
    const add = await cli(['mcp', 'add', 'chili-piper-http', '--url', recorder.url], 60_000);
    expect(add.code, add.stderr).toBe(0);
    // `codex mcp add` re-writes the whole file in its own style; init then still finds its entry unchanged.
    const config = join(home, '.codex', 'config.toml');
    const rewritten = readFileSync(config, 'utf8');
    expect(rewritten).toContain(`args = ["${STDIO_CLI}", "--sandbox"]`);
    expect((await init('codex', ['--sandbox'], env, project)).stderr).toContain('nothing changed');
    expect(readFileSync(config, 'utf8')).toBe(rewritten);
    console.log(readFileSync(join(home, '.codex', 'config.toml'), 'utf8'));

    const started = Date.now();
    app = startAppServer(exe, ['--strict-config', ...stubProvider(model.url)], { cwd: project, env });
    await app.request('initialize', { clientInfo: { name: 'chilipiper-mcp-tests', version: '0.0.0' } });
    app.notify('initialized');
    const { data } = await app.request<{ data: Status[] }>(
      'mcpServerStatus/list',
      { detail: 'full' },
      60_000,
    );
    const byName = Object.fromEntries(data.map((s) => [s.name, s]));
    for (const name of ['chili-piper', 'chili-piper-edge', 'chili-piper-http']) {
      expect(Object.keys(byName[name]?.tools ?? {}).sort(), `${name}: ${app.stderr()}`).toStrictEqual(ours);
      expect(byName[name]!.serverInfo?.name).toBe('chilipiper-mcp');
    }
    expectNegotiated(recorder, 'Codex');
    console.log(
      `[time] codex app-server start + mcpServerStatus/list (3 servers): ${Date.now() - started} ms`,
    );
  }, 120_000);

  it('calls tenant-get through mcpServer/tool/call, forwarding the key with env_vars', async (ctx) => {
    const { key, sandbox } = ready(ctx);
    if (!app) return ctx.skip('the first test did not start codex app-server');
    const { thread } = await app.request<{ thread: { id: string } }>('thread/start', {});
    const call = (server: string) =>
      app!.request<Json>(
        'mcpServer/tool/call',
        { threadId: thread.id, server, tool: 'tenant-get', arguments: {} },
        60_000,
      );
    sandbox.requests.clear();
    expect(await call('chili-piper-edge')).toMatchObject({
      structuredContent: { tenantData: { subdomain: 'acme' } },
    });
    expect(sandbox.requests.map((r) => [r.operation, r.keyId, r.status])).toStrictEqual([
      ['tenant-get', key.label, 200],
    ]);
    expect(await call('chili-piper-http')).toMatchObject({
      structuredContent: { tenantData: { subdomain: 'acme' } },
    });
    expect(await call('chili-piper')).toMatchObject({
      structuredContent: { tenantData: { subdomain: 'acme' } },
    });
  }, 120_000);

  it('runs an agent turn against a scripted Responses API model', async (ctx) => {
    const rig = ready(ctx);
    if (!app) return ctx.skip('the first test did not start codex app-server');
    const { thread } = await app.request<{ thread: { id: string } }>('thread/start', {});
    rig.forgetRequests();
    const started = Date.now();
    const input = [{ type: 'text', text: PROMPT }];
    await app.request('turn/start', { threadId: thread.id, input, approvalPolicy: 'never' });
    await app.waitFor('turn/completed', (p) => JSON.stringify(p).includes(thread.id), 90_000);
    console.log(`[time] codex agent turn (3 model requests, 2 tool calls): ${Date.now() - started} ms`);

    // Codex offers each server as a namespace `mcp__<server>` (with `-` turned into `_`, also in tool names).
    const tools = rig.model.loop()[0]!.body['tools'] as Json[];
    const edge = tools.find((t) => t['name'] === 'mcp__chili_piper_edge') as { tools: Json[] } | undefined;
    const names = (edge?.tools ?? []).map((t) => String(t['name'])).sort();
    expect(names).toStrictEqual(rig.ours.map((n) => n.replace(/-/g, '_')).sort());
    reportTokens(
      'Codex',
      'as namespace mcp__chili_piper_edge (Responses API)',
      names.length,
      jsonTokens(edge),
    );
    await expectAgentRun(rig.model, rig.sandbox, rig.key, app.stderr());
  }, 120_000);
});
