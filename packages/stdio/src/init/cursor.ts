import { join } from 'node:path';
import { keyByReference } from './key-plan.js';
import { KEY_VAR, type ClientSpec } from './types.js';

/**
 * Cursor: `.cursor/mcp.json` in the project, or `~/.cursor/mcp.json` for `--scope user`. Cursor expands
 * `${env:VAR}` in `env`, so the file can name the variable instead of holding the key.
 */
export const cursor: ClientSpec = {
  id: 'cursor',
  label: 'Cursor',
  format: 'json',
  scopes: ['project', 'user'],
  defaultScope: 'project',
  path: (scope, ctx) => join(scope === 'project' ? ctx.cwd : ctx.home, '.cursor', 'mcp.json'),
  key: keyByReference(`\${env:${KEY_VAR}}`, {
    project: '.cursor/mcp.json now holds your API key: add it to .gitignore so it is never committed.',
    user: 'The key is stored in plain text in ~/.cursor/mcp.json; keep that file private.',
    reference: `Cursor reads ${KEY_VAR} from the environment it was started from: export it, then restart Cursor.`,
  }),
  verify: (name) =>
    `Open Cursor Settings > MCP (Tools & Integrations): "${name}" should be enabled with its tools.`,
};
