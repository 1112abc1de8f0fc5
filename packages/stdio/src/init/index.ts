import { homedir } from 'node:os';
import { catalog, parseList, selectTools } from '@chilipiper-mcp/core';
import { KEY_PROBLEM_TEXT, normalizeKey } from '../config.js';
import { processOutput, type Output } from '../commands.js';
import { CliError } from '../upstream.js';
import { checkoutCli } from './checkout.js';
import { claudeCode } from './claude-code.js';
import { KEY_PLACEHOLDER, claudeDesktop } from './claude-desktop.js';
import { codex } from './codex.js';
import { cursor } from './cursor.js';
import { updateFile } from './files.js';
import { gemini } from './gemini.js';
import { launcherFor, type Launcher } from './launcher.js';
import { renderJson, type EntryPlan } from './merge.js';
import { opencode } from './opencode.js';
import { renderToml } from './toml.js';
import {
  CLIENT_IDS,
  KEY_VAR,
  type ClientId,
  type ClientSpec,
  type InitContext,
  type Scope,
} from './types.js';

export { CLIENT_IDS, type ClientId, type InitContext } from './types.js';
export { checkoutCli, PACKAGE_NAME } from './checkout.js';

const CLIENTS: Record<ClientId, ClientSpec> = {
  codex,
  'claude-code': claudeCode,
  gemini,
  opencode,
  cursor,
  'claude-desktop': claudeDesktop,
};

/** `init` flags (as `parseArgs` returns them). */
export interface InitFlags {
  readonly print?: boolean | undefined;
  readonly name?: string | undefined;
  readonly path?: string | undefined;
  readonly scope?: string | undefined;
  readonly 'read-only'?: boolean | undefined;
  readonly tools?: string | undefined;
  readonly 'exclude-tools'?: string | undefined;
  readonly 'base-url'?: string | undefined;
  readonly 'api-key'?: string | undefined;
  readonly sandbox?: boolean | undefined;
  /** Write `npx -y @chilipiper-mcp/stdio` even when running from a checkout. */
  readonly npx?: boolean | undefined;
}

/** The context of the current process; `checkoutCli` is set when this CLI is a checkout's build. */
export function processContext(): InitContext {
  return {
    env: process.env,
    cwd: process.cwd(),
    home: homedir(),
    platform: process.platform,
    checkoutCli: checkoutCli(process.argv[1]),
  };
}

function planFor(
  spec: ClientSpec,
  scope: Scope,
  flags: InitFlags,
  ctx: InitContext,
  launcher: Launcher,
  output: Output,
): EntryPlan {
  const include = parseList(flags.tools);
  const exclude = parseList(flags['exclude-tools']);
  selectTools(catalog, { include, exclude, readOnly: flags['read-only'] ?? false }); // fails early on a typo
  const serverArgs: string[] = [];
  if (flags.sandbox) serverArgs.push('--sandbox');
  if (flags['read-only']) serverArgs.push('--read-only');
  if (include) serverArgs.push('--tools', include.join(','));
  if (exclude) serverArgs.push('--exclude-tools', exclude.join(','));
  const { key, problems } = normalizeKey(flags['api-key']);
  for (const p of problems)
    output.err(`chilipiper-mcp: warning: the --api-key value ${KEY_PROBLEM_TEXT[p]}; writing it cleaned.\n`);
  const { command, args } = launcher.entry(spec.id, ctx.platform, serverArgs);
  return {
    command,
    args,
    key: flags.sandbox
      ? { env: {}, notes: ['The entry runs the sandbox (demo data); no key is needed.'] }
      : spec.key(key, scope, ctx),
    env: flags['base-url'] ? { CHILI_PIPER_BASE_URL: flags['base-url'] } : {},
    extra: spec.extra,
  };
}

/**
 * `chilipiper-mcp init <client>`: writes (or with `--print` prints) the client's config entry, merged into
 * the existing file with a backup. The entry runs this checkout's build when `init` runs from one, else
 * (or with `--npx`) `npx -y @chilipiper-mcp/stdio`. Returns the exit code.
 */
export async function runInit(
  client: string | undefined,
  flags: InitFlags,
  ctx: InitContext = processContext(),
  output: Output = processOutput,
): Promise<number> {
  const launcher = launcherFor(ctx, flags.npx ?? false);
  if (!client) {
    throw new CliError(
      `init needs a client: one of ${CLIENT_IDS.join(', ')} (e.g. chilipiper-mcp init claude-code).`,
    );
  }
  if (!(CLIENT_IDS as readonly string[]).includes(client)) {
    throw new CliError(
      `init cannot configure "${client}"; it knows ${CLIENT_IDS.join(', ')}. For another client, add a stdio server that runs \`${launcher.shown}\` with ${KEY_VAR} in its environment (see docs/clients.md).`,
    );
  }
  const spec = CLIENTS[client as ClientId];
  const name = flags.name ?? 'chili-piper';
  if (!/^[A-Za-z0-9_-]+$/.test(name))
    throw new CliError(`--name "${name}" may only use letters, digits, "-" and "_".`);
  const scope = (flags.scope ?? spec.defaultScope) as Scope;
  if (!spec.scopes.includes(scope)) {
    throw new CliError(`--scope for ${spec.label} is one of: ${spec.scopes.join(', ')}.`);
  }
  const plan = planFor(spec, scope, flags, ctx, launcher, output);
  const path = flags.path ?? spec.path(scope, ctx);
  const note = (line: string) => output.err(`chilipiper-mcp: ${line}\n`);
  const render = (current: string | undefined) =>
    spec.format === 'toml'
      ? renderToml(current, path, name, plan, note)
      : renderJson(current, path, name, plan, { serversKey: spec.serversKey, entry: spec.entry });

  if (flags.print) {
    output.out(render(undefined));
    for (const line of [launcher.note, ...plan.key.notes]) note(line);
    return 0;
  }
  const secret = Object.values(plan.key.env).some((v) => !/\{/.test(v) && v !== KEY_PLACEHOLDER);
  const result = await updateFile(path, render, { secret });
  if (!result.changed) note(`${path} already has this "${name}" entry; nothing changed.`);
  else
    note(
      `${result.created ? 'Created' : 'Updated'} ${path}${result.backup ? ` (previous version: ${result.backup})` : ''}.`,
    );
  for (const line of [launcher.note, ...plan.key.notes]) note(line);
  note(`${spec.verify(name, scope)} Check the setup any time with: ${launcher.shown} doctor`);
  return 0;
}
