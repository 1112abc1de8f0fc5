import { join } from 'node:path';
import { keyByReference } from './key-plan.js';
import { KEY_VAR, type ClientSpec } from './types.js';

/**
 * Claude Code: `.mcp.json` in the project (shared with the team), or `~/.claude.json` for `--scope user`.
 * Claude Code expands `${VAR}` in `.mcp.json`, so the file can name the variable instead of holding the key.
 */
export const claudeCode: ClientSpec = {
  id: 'claude-code',
  label: 'Claude Code',
  format: 'json',
  scopes: ['project', 'user'],
  defaultScope: 'project',
  path: (scope, ctx) => (scope === 'project' ? join(ctx.cwd, '.mcp.json') : join(ctx.home, '.claude.json')),
  key: keyByReference(`\${${KEY_VAR}}`, {
    project: '.mcp.json now holds your API key: add .mcp.json to .gitignore so it is never committed.',
    user: 'The key is stored in plain text in ~/.claude.json; keep that file private.',
    reference: `Claude Code reads ${KEY_VAR} from the environment it starts in: export it in your shell profile.`,
  }),
  extra: { type: 'stdio' },
  verify: (name, scope) =>
    scope === 'project'
      ? `Start Claude Code in this directory and approve the .mcp.json server "${name}" when asked; then /mcp (or \`claude mcp get ${name}\` in a shell) shows it connected.`
      : `Start Claude Code in any directory and run /mcp (or \`claude mcp get ${name}\` in a shell): "${name}" should show connected.`,
};
