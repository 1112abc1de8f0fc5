import {
  DEFAULT_BASE_URL,
  ERROR_META_KEY,
  executeTool,
  getTool,
  resultText,
  type ErrorData,
} from '@chilipiper-mcp/core';
import { KEY_PROBLEM_TEXT, noKeyMessage, type ResolvedConfig } from './config.js';
import { processOutput, type Output } from './commands.js';
import { createLogger } from './log.js';
import { openUpstream, type Upstream } from './upstream.js';
import { describeNetworkError } from './reach.js';

/** The oldest Node.js the package supports. */
export const MIN_NODE = [20, 18] as const;

type Probe = { ok: true; data: unknown } | { ok: false; error: ErrorData; message: string };

/** Calls one tool through the executor, once, and returns its data or its error as data. */
async function probe(name: string, upstream: Upstream): Promise<Probe> {
  const result = await executeTool(
    getTool(name)!,
    {},
    {
      apiKey: upstream.apiKey,
      baseUrl: upstream.baseUrl,
      fetch: upstream.fetch,
      retry: { maxAttempts: 1 },
      timeoutMs: 10_000,
    },
  );
  const text = resultText(result);
  const error = result._meta?.[ERROR_META_KEY];
  if (result.isError && error) return { ok: false, error, message: text };
  return { ok: true, data: result.structuredContent ?? text };
}

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
 * `chilipiper-mcp doctor`: checks Node, the key, the base URL, the key's permissions and the tenant, and
 * prints one ✓/✗ line per check with the fix. Returns the exit code: 0 when every check passed.
 */
export async function doctor(config: ResolvedConfig, output: Output = processOutput): Promise<number> {
  let failed = false;
  const pass = (text: string) => output.out(`✓ ${text}\n`);
  const fail = (text: string) => ((failed = true), output.out(`✗ ${text}\n`));

  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
  if (major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1])) {
    pass(`Node.js ${process.versions.node}`);
  } else {
    fail(`Node.js ${process.versions.node} is too old: install Node.js ${MIN_NODE.join('.')} or later.`);
  }

  if (!config.sandbox) {
    if (!config.apiKey) {
      fail(noKeyMessage(config));
      return 1;
    }
    const from = config.apiKeySource === 'flag' ? '--api-key' : 'CHILI_PIPER_API_KEY';
    if (config.keyProblems.length === 0) pass(`API key is set (${from})`);
    for (const problem of config.keyProblems) fail(`The API key in ${from} ${KEY_PROBLEM_TEXT[problem]}.`);
  }

  // Diagnostics go to stdout as check lines; the logger only carries the sandbox banner.
  const upstream = await openUpstream(config, createLogger('error'));
  const baseUrl = upstream.baseUrl ?? DEFAULT_BASE_URL;
  try {
    const ping = await probe('health-ping', upstream);
    if (!ping.ok && (ping.error.kind === 'network' || ping.error.kind === 'timeout')) {
      const why = await describeNetworkError(baseUrl, upstream.fetch);
      fail(
        `Cannot reach ${baseUrl}: ${why}. Check CHILI_PIPER_BASE_URL (or unset it), your network and proxy.`,
      );
      return 1;
    }
    pass(
      `Reached ${baseUrl}${upstream.sandbox ? ' (sandbox: demo data, not your Chili Piper account)' : ''}`,
    );
    if (!ping.ok && ping.error.kind === 'unauthorized') {
      fail(
        'The API key was rejected (401 from health-ping). Create a current token in Command Center > Integrations > Credentials > API Access Tokens and set it without extra text.',
      );
      return 1;
    }
    if (!ping.ok && ping.error.kind === 'not-found') {
      fail(
        `${baseUrl} has no Edge API behind it (404 from health-ping): the base URL should end in /api/fire-edge.`,
      );
      return 1;
    }
    const refused: string[] = [];
    const missing = new Set<string>();
    const note = (name: string, result: Probe) => {
      if (!result.ok && result.error.kind === 'forbidden') {
        const perm = result.error.permission ?? getTool(name)?.permission;
        if (perm) missing.add(perm);
        refused.push(`${name} (needs ${perm ?? 'a permission'})`);
        return true;
      }
      return false;
    };
    if (ping.ok || note('health-ping', ping)) pass('The API key is accepted');
    else fail(`health-ping failed: ${ping.message}`);

    const tenant = await probe('tenant-get', upstream);
    if (tenant.ok) pass(`Connected to tenant ${describeTenant(tenant.data)}`);
    else if (!note('tenant-get', tenant)) fail(`tenant-get failed: ${tenant.message}`);

    const needed = [...new Set(config.tools.map((t) => t.permission).filter((p): p is string => !!p))].sort();
    const summary = `the ${config.tools.length} selected tools need: ${needed.join(', ')}`;
    if (refused.length > 0) {
      fail(
        `Permissions missing: ${[...missing].join(', ')}; refused: ${refused.join(', ')}. An admin can add them to the token in Command Center; ${summary}.`,
      );
    } else {
      pass(`health-ping and tenant-get are allowed; ${summary} (only these two were called)`);
    }
    return failed ? 1 : 0;
  } finally {
    await upstream.close();
  }
}
