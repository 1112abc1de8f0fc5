// Claude Code as users run it: `init claude-code` writes .mcp.json (checkout build, --sandbox), `claude mcp
// add --transport http` adds our HTTP server, and `claude mcp list` / `get` really connect. A stub model
// shows the tools Claude offers the model, with its `mcp__<server>__` prefix.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { SUPPORTED_PROTOCOL_VERSIONS } from '@modelcontextprotocol/sdk/types.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getStatus,
  listStatus,
  loggedProtocol,
  mcpLog,
  serverErrors,
  trustProject,
} from '../support/claude.js';
import { CLIENT_INSTALL_TIMEOUT_MS, CLIENT_PACKAGES, clientEnv } from '../support/clients.js';
import { expectNegotiated, obtainClient, tempHome } from '../support/fixture.js';
import { startRecorder, type Recorder } from '../support/mcp-recorder.js';
import { startModelStub, type ModelStub } from '../support/model/index.js';
import { init, ourToolNames, startHttpServer, STDIO_CLI } from '../support/ours.js';
import { run } from '../support/run.js';
import { jsonTokens, reportTokens } from '../support/tokens.js';

const CONNECTED = '✔ Connected';

describe(`Claude Code (${CLIENT_PACKAGES.claude}) with what init writes`, () => {
  let exe = '';
  let unavailable: string | undefined;
  let ours: string[] = [];
  let http: Awaited<ReturnType<typeof startHttpServer>> | undefined;
  let recorder: Recorder | undefined;
  let model: ModelStub | undefined;
  const home = tempHome('cp-claude-');
  const project = join(home, 'project');
  const env = clientEnv(home);
  const claude = (args: string[], extra: Record<string, string> = {}) =>
    run(exe, args, { cwd: project, env: { ...env, ...extra }, timeoutMs: 60_000 });

  beforeAll(async () => {
    const obtained = await obtainClient('claude');
    if ('unavailable' in obtained) return void (unavailable = obtained.unavailable);
    exe = obtained.exe;
    ours = await ourToolNames(['--sandbox']);
    http = await startHttpServer({ ...process.env, CHILI_PIPER_API_KEY: '' });
    recorder = await startRecorder(http.url);
    model = await startModelStub([], 'done');
  }, CLIENT_INSTALL_TIMEOUT_MS);

  afterAll(async () => {
    await recorder?.close();
    await http?.stop();
    await model?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('asks for approval of the .mcp.json server, then connects over stdio and HTTP', async (ctx) => {
    if (unavailable) return ctx.skip(unavailable);
    await init('claude-code', ['--sandbox'], env, project);
    trustProject(home, project);
    const pending = await claude(['mcp', 'get', 'chili-piper']);
    expect(getStatus(pending.stdout), pending.stdout).toMatch(/^⏸ Pending approval/);

    trustProject(home, project, ['chili-piper']);
    const add = await claude(['mcp', 'add', '--transport', 'http', 'chili-piper-http', recorder!.url]);
    expect(add.code, add.stderr).toBe(0);
    const list = await claude(['mcp', 'list']);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain(`chili-piper: node ${STDIO_CLI} --sandbox - ${CONNECTED}`);
    expect(listStatus(list.stdout, 'chili-piper-http'), list.stdout).toBe(CONNECTED);
    const get = await claude(['mcp', 'get', 'chili-piper']);
    expect(getStatus(get.stdout), get.stdout).toBe(CONNECTED);
    expectNegotiated(recorder!, 'Claude Code');
    console.log(`[protocol] Claude Code over stdio: ${loggedProtocol(home, 'chili-piper')}`);
    expect(SUPPORTED_PROTOCOL_VERSIONS).toContain(loggedProtocol(home, 'chili-piper'));
    console.log(`[time] claude mcp list (2 servers): ${list.ms} ms`);
  }, 120_000);

  it('offers the model every tool of both servers as mcp__<server>__<tool>', async (ctx) => {
    if (unavailable) return ctx.skip(unavailable);
    const modelEnv = { ANTHROPIC_BASE_URL: model!.url, ANTHROPIC_API_KEY: 'stub-key' };
    // Claude Code defers MCP tools behind ToolSearch by default; ENABLE_TOOL_SEARCH=false sends them whole.
    for (const search of ['false', 'true']) {
      model!.requests.length = 0;
      const r = await claude(['-p', 'hello', '--output-format', 'json'], {
        ...modelEnv,
        ENABLE_TOOL_SEARCH: search,
      });
      expect(r.code, `${r.stdout}\n${r.stderr}`).toBe(0);
      const main = model!.requests.find((q) => q.dialect === 'anthropic' && q.tools.length > 0);
      expect(main, JSON.stringify(model!.requests.map((q) => q.path))).toBeDefined();
      if (search === 'false') {
        for (const server of ['chili-piper', 'chili-piper-http']) {
          const prefix = `mcp__${server}__`;
          const mine = main!.tools.filter((t) => t.name.startsWith(prefix));
          expect(mine.map((t) => t.name.slice(prefix.length)).sort()).toEqual(ours);
          if (server === 'chili-piper')
            reportTokens(
              'Claude Code',
              `as ${prefix}<tool> (tool search off)`,
              mine.length,
              jsonTokens(mine.map((t) => t.definition)),
            );
        }
      } else {
        // Only the names reach the model, in a system reminder; the schemas come through ToolSearch.
        const text = JSON.stringify(main!.body['messages']);
        const names = ours.map((n) => `mcp__chili-piper__${n}`);
        expect(names.filter((n) => !text.includes(n))).toEqual([]);
        expect(main!.tools.some((t) => t.name.startsWith('mcp__'))).toBe(false);
        reportTokens(
          'Claude Code',
          'deferred (names only, default tool search)',
          names.length,
          jsonTokens(names.join('\n')),
        );
      }
    }
  }, 120_000);

  it('connects to a --scope user entry without any approval', async (ctx) => {
    if (unavailable) return ctx.skip(unavailable);
    await init('claude-code', ['--scope', 'user', '--sandbox', '--name', 'chili-piper-user'], env, project);
    const get = await claude(['mcp', 'get', 'chili-piper-user']);
    expect(get.stdout).toMatch(/Scope: User config/);
    expect(getStatus(get.stdout), get.stdout).toBe(CONNECTED);
  }, 60_000);

  // The key is missing but the entry still names it: Claude Code passes an empty value when the variable is
  // set to "", and the literal text "${CHILI_PIPER_API_KEY}" when it is not set at all. Either way our server
  // must refuse to start and say why, so `claude mcp get` shows a failure instead of a server whose every call
  // answers 401.
  async function expectKeyRefused(name: string, key: Record<string, string>, mentions: string[]) {
    await init('claude-code', ['--name', name, '--base-url', 'http://127.0.0.1:9'], env, project);
    trustProject(home, project, [name]);
    const get = await claude(['mcp', 'get', name], key);
    expect(getStatus(get.stdout), get.stdout).toMatch(/^✘ Failed/);
    const errors = serverErrors(home, name);
    expect(errors.length, mcpLog(home, name)).toBeGreaterThan(0);
    for (const text of mentions) expect(errors.join('\n')).toContain(text);
  }

  it('shows a failure, with our message, when CHILI_PIPER_API_KEY is empty', async (ctx) => {
    if (unavailable) return ctx.skip(unavailable);
    await expectKeyRefused('chili-piper-empty-key', { CHILI_PIPER_API_KEY: '' }, ['CHILI_PIPER_API_KEY']);
  }, 60_000);

  // Claude passes "${CHILI_PIPER_API_KEY}" as is when the variable is unset. The core configuration reader
  // treats such a placeholder as a missing key: the server exits at start and its stderr (kept in Claude's
  // MCP log) names the variable and Claude's placeholder syntax.
  it('shows a failure, naming the placeholder, when CHILI_PIPER_API_KEY is not set', async (ctx) => {
    if (unavailable) return ctx.skip(unavailable);
    await expectKeyRefused('chili-piper-unset-key', {}, ['CHILI_PIPER_API_KEY', '${CHILI_PIPER_API_KEY}']);
  }, 60_000);
});
