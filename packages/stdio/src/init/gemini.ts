import { join } from 'node:path';
import { keyByReference } from './key-plan.js';
import { KEY_VAR, type ClientSpec } from './types.js';

/**
 * Gemini CLI: `.gemini/settings.json` in the project (what `gemini mcp add` writes by default), or
 * `~/.gemini/settings.json` for `--scope user`. Gemini hides variables whose names look secret (`*_KEY`)
 * from the servers it starts, so the entry names the key explicitly; it expands `$VAR` and `${VAR}` there,
 * not `${env:VAR}`.
 */
export const gemini: ClientSpec = {
  id: 'gemini',
  label: 'Gemini CLI',
  format: 'json',
  scopes: ['project', 'user'],
  defaultScope: 'project',
  path: (scope, ctx) => join(scope === 'project' ? ctx.cwd : ctx.home, '.gemini', 'settings.json'),
  key: keyByReference(`\${${KEY_VAR}}`, {
    project: '.gemini/settings.json now holds your API key: keep it out of git.',
    user: 'The key is stored in plain text in ~/.gemini/settings.json; keep that file private.',
    reference: `Gemini CLI fills in \${${KEY_VAR}} from the environment it starts in: export it in your shell profile.`,
  }),
  verify: (name, scope) =>
    `${scope === 'project' ? 'In this directory, run' : 'Run'} \`gemini mcp list\`: "${name}" should show Connected. Gemini ignores every MCP server in a folder you have not trusted: accept the trust prompt when Gemini asks.`,
};
