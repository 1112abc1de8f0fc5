import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { countTokens } from 'gpt-tokenizer/encoding/o200k_base';
import { describe, expect, it } from 'vitest';
import {
  catalog,
  createChiliPiperServer,
  SANDBOX_INSTRUCTIONS,
  type ChiliPiperServerOptions,
} from '../src/index.js';

// The instructions every server gives at initialization: generated from the tools it serves and its
// confirmation policy, at most 400 o200k tokens in every mode, the sandbox notice kept when it is given.

async function instructionsOf(options: Partial<ChiliPiperServerOptions>): Promise<string> {
  const server = createChiliPiperServer({ apiKey: 'k', baseUrl: 'http://127.0.0.1:9', ...options });
  const [a, b] = InMemoryTransport.createLinkedPair();
  const client = new Client({ name: 'test', version: '0' });
  await Promise.all([server.connect(a), client.connect(b)]);
  const text = client.getInstructions() ?? '';
  await client.close();
  return text;
}

const MODES: [string, Partial<ChiliPiperServerOptions>][] = [
  ['default', {}],
  [
    'every tool, confirmation on, sandbox',
    { include: catalog.map((t) => t.name), confirm: 'destructive', instructions: SANDBOX_INSTRUCTIONS },
  ],
  ['read-only', { readOnly: true }],
  ['read-only sandbox', { readOnly: true, instructions: SANDBOX_INSTRUCTIONS }],
  ['meetings only, confirmation on', { include: ['meetings'], confirm: 'destructive' }],
  ['one read tool', { include: ['user-find'] }],
  [
    'code mode, confirmation on, sandbox',
    { codeMode: true, confirm: 'destructive', instructions: SANDBOX_INSTRUCTIONS },
  ],
];

describe('server instructions', () => {
  it.each(MODES)('stay within 400 tokens (%s)', async (_mode, options) => {
    const text = await instructionsOf(options);
    expect(countTokens(text)).toBeLessThanOrEqual(400);
    expect(text).toMatch(
      /^Chili Piper Edge API (tools|in code mode: search finds cp methods, execute runs a script that calls them)\. Times are UTC ISO-8601 \(2026-03-10T14:00:00Z\)/,
    );
    expect(text.startsWith('Chili Piper Edge API in code mode')).toBe(options.codeMode === true);
  });

  it('say the span limits, paging, where ids come from and the two-phase flows', async () => {
    const text = await instructionsOf({});
    expect(text).toContain(
      'Days per request: meeting-list-put 7, meeting-export-v2-put 7, concierge-logs 30; ranges up to 92 days are split for you',
    );
    expect(text).toContain('Lists answer {results, nextCursor}: pass nextCursor as cursor');
    expect(text).toContain('fields:"all" returns every field');
    for (const source of [
      'userId user-find',
      'workspaceId workspace-list',
      'teamId team-list-put',
      'distributionId distribution-list-put',
      'ruleId rule-list',
      'meetingId meeting-list-put',
      'meetingTypeId meeting-type-list',
    ]) {
      expect(text).toContain(source);
    }
    expect(text).toContain('scheduling-link-init → scheduling-link-schedule (routeId)');
    expect(text).toContain('handoff-init → handoff-schedule (routingId,');
    expect(text).toContain('concierge-route or concierge-route-by-slug → concierge-schedule (routingId)');
    expect(text).not.toMatch(/Confirmation is on|SANDBOX|Read-only/);
  });

  it('say that destructive tools preview first only when the policy guards a served tool', async () => {
    const on = await instructionsOf({ confirm: 'destructive' });
    expect(on).toContain(
      'Confirmation is on: destructive tools (destructiveHint) first answer a preview and a confirmationToken and ' +
        'change nothing. Show the preview to the person; only if they agree, call again with the same arguments ' +
        'plus confirm set to the token.',
    );
    expect(await instructionsOf({ confirm: 'destructive', readOnly: true })).not.toContain('Confirmation');
    expect(await instructionsOf({ confirm: 'none' })).not.toContain('Confirmation');
  });

  it('speak only of the tools served, and keep the sandbox notice at the end', async () => {
    const text = await instructionsOf({
      readOnly: true,
      include: ['users'],
      instructions: SANDBOX_INSTRUCTIONS,
    });
    expect(text).not.toMatch(/Days per request|Two-phase|meeting-list-put/);
    expect(text).toContain('Read-only: no tool here changes data.');
    expect(text.endsWith(`\n${SANDBOX_INSTRUCTIONS}`)).toBe(true);
  });

  it('in code mode, name cp methods, not tools, and say how a script gets a destructive call confirmed', async () => {
    const text = await instructionsOf({ codeMode: true, confirm: 'destructive' });
    expect(text).toContain(
      'Days per request: cp.meetingListPut 7, cp.meetingExportV2Put 7, cp.conciergeLogs 30;',
    );
    expect(text).toContain('userId cp.userFind');
    expect(text).toContain('cp.schedulingLinkInit → cp.schedulingLinkSchedule (routeId)');
    expect(text).not.toMatch(/\b(meeting-list-put|user-find|scheduling-link-init)\b/);
    expect(text).toContain(
      "Confirmation is on: a destructive method throws and sends nothing; the run's result shows its preview " +
        'and a token. Show the preview to the person; only if they agree, call it again with the same input plus ' +
        'confirm: the token.',
    );
  });
});
