import { join } from 'node:path';
import { keyIn } from './key-plan.js';
import { KEY_VAR, type ClientSpec } from './types.js';

/**
 * OpenAI Codex: `~/.codex/config.toml` (or `$CODEX_HOME/config.toml`; `.codex/config.toml` in a trusted
 * project), table `[mcp_servers.<name>]`. Codex starts servers with a filtered environment, so the key is
 * forwarded by name with `env_vars` unless a literal key is written into `env`.
 */
export const codex: ClientSpec = {
  id: 'codex',
  label: 'Codex',
  format: 'toml',
  scopes: ['user', 'project'],
  defaultScope: 'user',
  path: (scope, ctx) =>
    scope === 'project'
      ? join(ctx.cwd, '.codex', 'config.toml')
      : join(ctx.env['CODEX_HOME'] || join(ctx.home, '.codex'), 'config.toml'),
  key: (literal) =>
    literal
      ? keyIn(literal, 'The key is stored in plain text in the config file; keep that file private.')
      : {
          env: {},
          envVars: [KEY_VAR],
          notes: [
            `Codex forwards ${KEY_VAR} from the environment it runs in (env_vars): export it in your shell profile before starting Codex.`,
          ],
        },
  verify: (name) => `Start Codex and run /mcp: "${name}" should list its tools.`,
};
