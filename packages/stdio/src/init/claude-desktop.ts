import { join } from 'node:path';
import { normalizeKey } from '../config.js';
import { keyIn } from './key-plan.js';
import { KEY_VAR, type ClientSpec } from './types.js';

/** Placeholder written when Claude Desktop gets no key (it does not expand variables). */
export const KEY_PLACEHOLDER = 'paste-your-chili-piper-api-key-here';

/**
 * Claude Desktop: `claude_desktop_config.json` in the per-OS app folder. It starts servers without the
 * shell's environment and does not expand variables, so the key is written into `env`: the `--api-key`
 * value, else `CHILI_PIPER_API_KEY` from the current environment, else a placeholder to replace.
 */
export const claudeDesktop: ClientSpec = {
  id: 'claude-desktop',
  label: 'Claude Desktop',
  format: 'json',
  scopes: ['user'],
  defaultScope: 'user',
  path: (_scope, ctx) => {
    const file = 'claude_desktop_config.json';
    if (ctx.platform === 'darwin') return join(ctx.home, 'Library', 'Application Support', 'Claude', file);
    if (ctx.platform === 'win32') {
      return join(ctx.env['APPDATA'] || join(ctx.home, 'AppData', 'Roaming'), 'Claude', file);
    }
    return join(ctx.env['XDG_CONFIG_HOME'] || join(ctx.home, '.config'), 'Claude', file);
  },
  key: (literal, _scope, ctx) => {
    const fromEnv = normalizeKey(ctx.env[KEY_VAR]).key;
    const privacy = 'The key is stored in plain text in this file; keep it private.';
    if (literal) return keyIn(literal, privacy);
    if (fromEnv) return keyIn(fromEnv, `Copied ${KEY_VAR} from your environment into the file. ${privacy}`);
    return keyIn(
      KEY_PLACEHOLDER,
      `Claude Desktop does not pass your shell's variables on: replace "${KEY_PLACEHOLDER}" in the file with your key (or re-run with ${KEY_VAR} set).`,
    );
  },
  verify: (name) =>
    `Quit and reopen Claude Desktop; "${name}" appears under Settings > Developer and in the tools menu.`,
};
