import { DEFAULT_BASE_URL } from '@chilipiper-mcp/core';
import { KEY_PROBLEM_TEXT, noKeyMessage, type ResolvedConfig } from './config.js';
import { processOutput, type Output } from './commands.js';
import { checkPermissions, permissionReport, probeTool, type Outcome } from './doctor-permissions.js';
import { createLogger } from './log.js';
import { openUpstream } from './upstream.js';
import { describeNetworkError } from './reach.js';

/** The oldest Node.js the package supports. */
export const MIN_NODE = [20, 18] as const;

function describeTenant(data: unknown): string {
  const t = (data ?? {}) as { tenantData?: Record<string, unknown>; domains?: unknown; name?: unknown };
  const td = t.tenantData ?? {};
  const name = td['subdomain'] ?? t.name ?? td['tenantId'] ?? 'unknown';
  const extra = [
    td['tenantId'] ? `id ${String(td['tenantId'])}` : '',
    td['cluster'] ? `cluster ${String(td['cluster'])}` : '',
    Array.isArray(t.domains) && t.domains.length ? `domains ${t.domains.join(', ')}` : '',
  ].filter(Boolean);
  return `${String(name)}${extra.length ? ` (${extra.join('; ')})` : ''}`;
}

/**
 * `chilipiper-mcp doctor`: checks Node, the key, the base URL, the tenant, and each permission the selected
 * tools need (with a call that changes nothing), then names the tools the key cannot call. One line per check:
 * ✓ passed, ✗ failed (with the fix), ! warning, ? not determined. Returns 0 when nothing failed.
 */
export async function doctor(config: ResolvedConfig, output: Output = processOutput): Promise<number> {
  let failed = false;
  const say = (line: string) => {
    if (line.startsWith('✗')) failed = true;
    output.out(`${line}\n`);
  };

  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1])) {
    say(`✓ Node.js ${process.versions.node}`);
  } else {
    say(`✗ Node.js ${process.versions.node} is too old: install Node.js ${MIN_NODE.join('.')} or later.`);
  }

  if (!config.sandbox) {
    if (!config.apiKey) {
      say(`✗ ${noKeyMessage(config)}`);
      return 1;
    }
    const from = config.apiKeySource === 'flag' ? '--api-key' : 'CHILI_PIPER_API_KEY';
    say(`✓ API key is set (${from})`);
    for (const problem of config.keyProblems) {
      say(
        `! The API key in ${from} ${KEY_PROBLEM_TEXT[problem]}; it is used cleaned (here and when serving).`,
      );
    }
  }

  // Diagnostics go to stdout as check lines; the logger only carries the sandbox banner.
  const upstream = await openUpstream(config, createLogger('error'));
  const baseUrl = upstream.baseUrl ?? DEFAULT_BASE_URL;
  try {
    const ping = await probeTool('health-ping', {}, upstream);
    if (!ping.ok && (ping.error.kind === 'network' || ping.error.kind === 'timeout')) {
      const why = await describeNetworkError(baseUrl, upstream.fetch);
      say(
        `✗ Cannot reach ${baseUrl}: ${why}. Check CHILI_PIPER_BASE_URL (or unset it), your network and proxy.`,
      );
      return 1;
    }
    say(
      `✓ Reached ${baseUrl}${upstream.sandbox ? ' (sandbox: demo data, not your Chili Piper account)' : ''}`,
    );
    if (!ping.ok && ping.error.kind === 'unauthorized') {
      say(
        '✗ The API key was rejected (401 from health-ping). Create a current token in Command Center > Integrations > Credentials > API Access Tokens and set it without extra text.',
      );
      return 1;
    }
    if (!ping.ok && ping.error.kind === 'not-found') {
      say(
        `✗ ${baseUrl} has no Edge API behind it (404 from health-ping): the base URL should end in /api/fire-edge.`,
      );
      return 1;
    }
    if (ping.ok || ping.error.kind === 'forbidden') say('✓ The API key is accepted');
    else say(`✗ health-ping failed: ${ping.message}`);

    const tenant = await probeTool('tenant-get', {}, upstream);
    if (tenant.ok) say(`✓ Connected to tenant ${describeTenant(tenant.data)}`);
    else if (tenant.error.kind === 'forbidden') say('? The tenant is not shown: the key lacks tenant.read');
    else say(`✗ tenant-get failed: ${tenant.message}`);

    const needed = [...new Set(config.tools.map((t) => t.permission))].sort();
    const known = new Map<string, Outcome>([
      ['api.ping', ping],
      ['tenant.read', tenant],
    ]);
    const verdicts = await checkPermissions(needed, known, upstream);
    for (const line of permissionReport(config.tools, verdicts, config.readOnly)) say(line);
    return failed ? 1 : 0;
  } finally {
    await upstream.close();
  }
}
