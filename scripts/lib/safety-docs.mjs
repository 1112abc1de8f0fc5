// The generated parts of docs/safety.md: the safety class of every tool with its reason (from the tool data),
// and a transcript of the confirmation flow, captured from the sandbox with a fixed clock so that it is the
// same on every run. Used by scripts/gen-tool-docs.mjs (and so by `pnpm docs` and `pnpm docs:check`).
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport } from '@modelcontextprotocol/sdk/inMemory.js';
import { format, resolveConfig } from 'prettier';
import { catalog, createChiliPiperServer } from '../../packages/core/dist/index.js';
import { createSandbox } from '../../packages/sandbox/dist/index.js';

const esc = (s) => String(s).replace(/\|/g, '\\|').replace(/\n/g, ' ');
const CLASS_ORDER = ['destructive', 'write', 'read'];

/** The table of every tool's safety class and why. */
function safetyTable() {
  const rows = [...catalog]
    .sort((a, b) => CLASS_ORDER.indexOf(a.safety.kind) - CLASS_ORDER.indexOf(b.safety.kind))
    .map((t) => {
      const reads = t.preview ? t.preview.reads.map((r) => `\`${r.tool}\``).join(', ') : '';
      return `| [\`${t.name}\`](tools.md#${t.name}) | ${t.safety.kind} | ${t.safety.idempotent ? 'yes' : 'no'} | ${esc(t.docs.safetyReason)} | ${reads} |`;
    });
  const count = (k) => catalog.filter((t) => t.safety.kind === k).length;
  return [
    `${catalog.length} tools: ${count('destructive')} destructive, ${count('write')} write (additive), ${count('read')} read.`,
    '',
    '| Tool | Class | Idempotent | Why | Preview reads |',
    '| - | - | - | - | - |',
    ...rows,
  ].join('\n');
}

const FIXED_NOW = Date.parse('2026-03-10T12:00:00Z');

/** One preview and one confirmed call on the sandbox, as a client sees them (fixed clock: same every run). */
async function transcript() {
  const realNow = Date.now;
  Date.now = () => FIXED_NOW;
  const sandbox = await createSandbox({ now: new Date(FIXED_NOW) });
  try {
    const server = createChiliPiperServer({
      apiKey: sandbox.apiKey,
      baseUrl: sandbox.url,
      confirm: 'destructive',
    });
    const [a, b] = InMemoryTransport.createLinkedPair();
    const client = new Client({ name: 'docs', version: '0' });
    await Promise.all([server.connect(a), client.connect(b)]);
    const call = (name, args) => client.callTool({ name, arguments: args });
    const list = await call('meeting-list-put', {
      start: '2026-03-11T00:00:00Z',
      end: '2026-03-12T00:00:00Z',
      status: ['Active'],
    });
    const { meetingId } = list.structuredContent.results[0];
    const logged = (from) => sandbox.requests.slice(from).map((r) => `\`${r.method} ${r.operation}\``);
    const before = sandbox.requests.length;
    const preview = await call('meeting-cancel', { meetingId });
    const token = preview.structuredContent.confirmationToken;
    const previewed = logged(before).sort(); // the reads run in parallel
    const confirmedFrom = sandbox.requests.length;
    const done = await call('meeting-cancel', { meetingId, confirm: token });
    const confirmed = logged(confirmedFrom);
    const rules = await call('rule-list', { fields: 'all' });
    const rule = rules.structuredContent.results.find((r) => r.name === 'Enterprise accounts');
    const conditions = structuredClone(rule.conditions);
    conditions.conditions[0].value = 500;
    const modify = await call('rule-modify', {
      ruleId: rule.id,
      revision: rule.metadata.revision,
      dto: { conditions },
    });
    await client.close();
    const text = (r) => r.content.map((c) => c.text).join('\n');
    const status = done.structuredContent.meetingStatus;
    return [
      '1. The model calls `meeting-cancel` with `{"meetingId": "' + meetingId + '"}`. The sandbox logs',
      `   ${previewed.join(' and ')}, no write. The result is:`,
      '',
      '   ```text',
      ...text(preview)
        .split('\n')
        .map((l) => `   ${l}`),
      '   ```',
      '',
      '   Its `structuredContent` holds the same facts as data (`status: "confirmation-required"`, `facts`,',
      '   `changes`, `references`, `confirmationToken`, `expiresAt`).',
      '',
      '2. The person agrees; the model calls `meeting-cancel` again with the same `meetingId` and',
      `   \`"confirm": "${token}"\`. The sandbox logs ${confirmed.join(' and ')}; the meeting is cancelled`,
      `   (\`meetingStatus: "${status}"\`).`,
      '',
      '3. A `rule-modify` that changes one threshold previews the condition diff and the routers that use the rule:',
      '',
      '   ```text',
      ...text(modify)
        .split('\n')
        .map((l) => `   ${l}`),
      '   ```',
    ].join('\n');
  } finally {
    Date.now = realNow;
    await sandbox.close();
  }
}

/** Replaces the block between `<!-- generated:NAME -->` and `<!-- /generated:NAME -->` in `md`. */
function fill(md, name, body) {
  const start = `<!-- generated:${name} -->`;
  const end = `<!-- /generated:${name} -->`;
  const i = md.indexOf(start);
  const j = md.indexOf(end);
  if (i < 0 || j < i) throw new Error(`docs/safety.md lacks the ${start} … ${end} markers`);
  return `${md.slice(0, i + start.length)}\n\n${body}\n\n${md.slice(j)}`;
}

/** docs/safety.md with its generated blocks filled in from `current` (the file as it is), formatted by prettier. */
export async function safetyDoc(current, file) {
  let md = fill(current, 'safety-table', safetyTable());
  md = fill(md, 'transcript', await transcript());
  return format(md, { ...(await resolveConfig(file)), parser: 'markdown' });
}
