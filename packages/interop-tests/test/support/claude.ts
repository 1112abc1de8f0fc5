// Claude Code specifics: what a user does once by hand (trust the folder, approve the .mcp.json server) and
// how to read `claude mcp list` / `get`.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Trusts `project` in `~/.claude.json` (what accepting Claude's folder-trust prompt stores) and, when
 * `approve` names servers, approves them in `.claude/settings.local.json` (Claude ignores that file in an
 * untrusted folder).
 */
export function trustProject(home: string, project: string, approve: string[] = []): void {
  const file = join(home, '.claude.json');
  const doc = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  const projects = (doc['projects'] ?? {}) as Record<string, Record<string, unknown>>;
  projects[project] = { ...projects[project], hasTrustDialogAccepted: true };
  writeFileSync(file, JSON.stringify({ ...doc, projects }, null, 2));
  if (approve.length === 0) return;
  mkdirSync(join(project, '.claude'), { recursive: true });
  writeFileSync(
    join(project, '.claude', 'settings.local.json'),
    JSON.stringify({ enabledMcpjsonServers: approve }),
  );
}

/** The status `claude mcp list` prints for a server (`✔ Connected`, `⏸ Pending approval …`, `✘ Failed …`). */
export function listStatus(output: string, name: string): string | undefined {
  return new RegExp(`^${name}: .* - (.+)$`, 'm').exec(output)?.[1]?.trim();
}

/** The `Status:` line of `claude mcp get <name>`. */
export function getStatus(output: string): string | undefined {
  return /^\s*Status: (.+)$/m.exec(output)?.[1]?.trim();
}

/**
 * What Claude Code logged about one MCP server (its stderr, the negotiated protocol version…): the JSON lines
 * under `$XDG_CACHE_HOME/claude-cli-nodejs/<project>/mcp-logs-<name>/`.
 */
export function mcpLog(home: string, name: string): string {
  const root = join(home, '.cache', 'claude-cli-nodejs');
  if (!existsSync(root)) return '';
  return readdirSync(root)
    .map((project) => join(root, project, `mcp-logs-${name}`))
    .filter((dir) => existsSync(dir))
    .flatMap((dir) => readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')))
    .join('');
}

/** The protocol version Claude Code logged for a server it connected to. */
export function loggedProtocol(home: string, name: string): string | undefined {
  return /negotiatedProtocolVersion\\?":\\?"([\d-]+)/.exec(mcpLog(home, name))?.[1];
}

/** The error lines our server printed on stderr, as Claude Code kept them in its MCP log for that server. */
export function serverErrors(home: string, name: string): string[] {
  return mcpLog(home, name)
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { error?: string; debug?: string })
    .flatMap((entry) => `${entry.error ?? ''}\n${entry.debug ?? ''}`.split('\n'))
    .filter((line) => line.includes('chilipiper-mcp: error:'));
}
