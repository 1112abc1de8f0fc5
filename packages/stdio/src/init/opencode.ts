import { join } from 'node:path';
import { isObj, mergeEnv, type EntryPlan, type Obj } from './merge.js';
import { keyByReference } from './key-plan.js';
import { KEY_VAR, type ClientSpec } from './types.js';

/** An opencode `mcp` entry: the command and its arguments in one array, variables under `environment`. */
function opencodeEntry(previous: unknown, plan: EntryPlan): Obj {
  const prev = isObj(previous) ? previous : {};
  const environment = mergeEnv(prev['environment'], plan);
  const entry: Obj = { ...prev, type: 'local', command: [plan.command, ...plan.args] };
  if (Object.keys(environment).length > 0) entry['environment'] = environment;
  else delete entry['environment'];
  entry['enabled'] = true;
  return entry;
}

/**
 * opencode: `opencode.json` in the project, or `~/.config/opencode/opencode.json` (`$XDG_CONFIG_HOME`) for
 * `--scope user`, key `mcp.<name>`. opencode expands `{env:VAR}` in the entry.
 */
export const opencode: ClientSpec = {
  id: 'opencode',
  label: 'opencode',
  format: 'json',
  scopes: ['project', 'user'],
  defaultScope: 'project',
  path: (scope, ctx) =>
    scope === 'project'
      ? join(ctx.cwd, 'opencode.json')
      : join(ctx.env['XDG_CONFIG_HOME'] || join(ctx.home, '.config'), 'opencode', 'opencode.json'),
  key: keyByReference(`{env:${KEY_VAR}}`, {
    project: 'opencode.json now holds your API key: keep it out of git.',
    user: 'The key is stored in plain text in the config file; keep that file private.',
    reference: `opencode fills in {env:${KEY_VAR}} from the environment it starts in: export it in your shell profile.`,
  }),
  serversKey: 'mcp',
  entry: opencodeEntry,
  verify: (name) => `Run \`opencode mcp list\` here: "${name}" should show connected.`,
};
