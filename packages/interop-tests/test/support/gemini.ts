// Gemini CLI specifics: user settings that pick API-key auth (pointed at the stub) and switch off update
// checks and usage statistics, folder trust, and reading `gemini mcp list`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes ~/.gemini/settings.json; with `trusted`, also trusts that folder (what the trust prompt stores). */
export function geminiHome(home: string, trusted?: string): void {
  mkdirSync(join(home, '.gemini'), { recursive: true });
  const settings = {
    general: { enableAutoUpdate: false, enableAutoUpdateNotification: false },
    privacy: { usageStatisticsEnabled: false },
    security: { auth: { selectedType: 'gemini-api-key' } },
  };
  writeFileSync(join(home, '.gemini', 'settings.json'), JSON.stringify(settings, null, 2));
  if (trusted)
    writeFileSync(
      join(home, '.gemini', 'trustedFolders.json'),
      JSON.stringify({ [trusted]: 'TRUST_FOLDER' }),
    );
}

/** The status word `gemini mcp list` prints for a server (`Connected`, `Disconnected`, `Disabled`…). */
export function geminiStatus(output: string, name: string): string | undefined {
  return new RegExp(`^\\S+ ${name}: .* - (\\w+)`, 'm').exec(output)?.[1];
}
