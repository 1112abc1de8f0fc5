// What the Codex, Gemini CLI and opencode tests set up once per file: the pinned client, the tools our
// stdio server lists, a sandbox with a key named after the client, our HTTP server behind a recorder, and
// the scripted model; all closed, and the client's home removed, after the file.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createSandbox, type Sandbox } from '@chilipiper-mcp/sandbox';
import { afterAll, beforeAll, expect, type TestContext } from 'vitest';
import { agentSteps, FINAL_TEXT } from './agent.js';
import { CLIENT_INSTALL_TIMEOUT_MS, clientEnv, type ClientName } from './clients.js';
import { obtainClient, tempHome } from './fixture.js';
import { startRecorder, type Recorder } from './mcp-recorder.js';
import { startModelStub, type ModelStub } from './model/index.js';
import { ourToolNames, startHttpServer } from './ours.js';
import { run, type Timed } from './run.js';
import { jsonTokens, reportTokens } from './tokens.js';

/** What a client test works with once its file's setup has run. */
export interface ClientRig {
  readonly exe: string;
  /** The tool names our stdio server lists with `--sandbox`, sorted. */
  readonly ours: string[];
  readonly sandbox: Sandbox;
  /** The sandbox key the client passes on (its label is the client's name). */
  readonly key: { label: string; secret: string };
  /** Our HTTP server (sandbox mode), through the recorder. */
  readonly recorder: Recorder;
  readonly model: ModelStub;
  /** How the client names the tools of the server `chili-piper-edge` for the model. */
  readonly prefix: string;
  /** The client's environment: its own home, the key in CHILI_PIPER_API_KEY, and its model settings. */
  readonly env: Record<string, string>;
  /** Runs the client in the project folder with that environment. */
  cli(args: string[], timeoutMs?: number): Promise<Timed>;
  /** Forgets the requests the sandbox and the model have seen so far. */
  forgetRequests(): void;
}

/** One client test file's setup. */
export interface ClientSuite {
  /** The client's home folder, with the project folder inside. */
  readonly home: string;
  readonly project: string;
  /** The rig; skips the test with the reason when the client cannot run here. */
  ready(ctx: TestContext): ClientRig;
}

/**
 * Registers the setup and teardown of a client test file (call it inside `describe`). `prefix` is how the
 * client names the tools of the server `chili-piper-edge` for the model (the agent loop calls those);
 * `modelEnv` gives the variables that point the client's model traffic at the stub.
 */
export function clientSuite(
  client: ClientName,
  prefix: string,
  modelEnv: (model: ModelStub) => Record<string, string>,
): ClientSuite {
  const home = tempHome(`cp-${client}-`);
  const project = join(home, 'project');
  let unavailable: string | undefined;
  let rig: ClientRig | undefined;
  let sandbox: Sandbox | undefined;
  let http: Awaited<ReturnType<typeof startHttpServer>> | undefined;
  let recorder: Recorder | undefined;
  let model: ModelStub | undefined;

  beforeAll(async () => {
    const obtained = await obtainClient(client);
    if ('unavailable' in obtained) return void (unavailable = obtained.unavailable);
    const ours = await ourToolNames(['--sandbox']);
    sandbox = await createSandbox();
    const key = { label: client, secret: sandbox.createKey({ label: client }) };
    http = await startHttpServer({ ...process.env, CHILI_PIPER_API_KEY: '' });
    recorder = await startRecorder(http.url);
    model = await startModelStub(agentSteps(), FINAL_TEXT, prefix);
    const env = clientEnv(home, { ...modelEnv(model), CHILI_PIPER_API_KEY: key.secret });
    const [s, m] = [sandbox, model];
    rig = {
      exe: obtained.exe,
      ours,
      sandbox,
      key,
      recorder,
      model,
      prefix,
      env,
      cli: (args, timeoutMs = 90_000) => run(obtained.exe, args, { cwd: project, env, timeoutMs }),
      forgetRequests: () => {
        s.requests.clear();
        m.requests.length = 0;
      },
    };
  }, CLIENT_INSTALL_TIMEOUT_MS);

  afterAll(async () => {
    await Promise.all([recorder?.close(), http?.stop(), model?.close(), sandbox?.close()]);
    rmSync(home, { recursive: true, force: true });
  });

  return {
    home,
    project,
    ready: (ctx) => {
      if (rig) return rig;
      if (unavailable) return ctx.skip(unavailable);
      throw new Error(`the ${client} test setup did not finish`);
    },
  };
}

/**
 * Checks the first request of the agent loop offered the model exactly our tools from each of `servers`,
 * named `<prefixOf(server)><tool>` (a name with a further `_` belongs to another server), and prints the
 * token line of the tools of `chili-piper-edge` (named with `rig.prefix`) for `client`.
 */
export function expectEveryServerOffered(
  rig: ClientRig,
  servers: string[],
  prefixOf: (server: string) => string,
  client: string,
): void {
  const offered = rig.model.loop()[0]!.tools;
  for (const server of servers) {
    const prefix = prefixOf(server);
    const mine = offered.filter(
      (t) => t.name.startsWith(prefix) && !t.name.slice(prefix.length).includes('_'),
    );
    expect(mine.map((t) => t.name.slice(prefix.length)).sort(), server).toStrictEqual(rig.ours);
    if (prefix === rig.prefix) {
      const tokens = jsonTokens(mine.map((t) => t.definition));
      reportTokens(client, `as ${prefix}<tool>`, mine.length, tokens);
    }
  }
}
