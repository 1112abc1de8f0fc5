// Task benchmark: realistic RevOps tasks, each scripted the way a careful model would call the tools, over
// stdio (the built `packages/stdio/dist/cli.js`) against an in-process sandbox at a fixed clock. Prints per
// task the tool calls, the o200k tokens of what the model reads of their results, how many results were cut,
// the resources/read of result links (apart: their content is not in the model's context), and ✓/✗ from
// comparing the answer with ground truth read from the sandbox state. A benchmark: it never fails on a number.
//
//   node scripts/bench/tasks.mjs [--now 2026-11-25T12:00:00Z] [--only id,id] [--verbose] [--json] [--code-mode]
//
// --code-mode runs every task a second time against a server started with --code-mode (tasks/code-mode.mjs:
// the task's searches, then its script in one execute) and prints both next to each other, with the tools/list
// tokens of each mode and the Edge API requests each made.
//
// Tasks live in scripts/bench/tasks/; every read of a result field goes through tasks/shapes.mjs.
import { parseArgs } from 'node:util';
import { createSandbox } from '../../packages/sandbox/dist/index.js';
import { connectStdio } from '../lib/stdio-client.mjs';
import { listingTokens } from '../lib/token-count.mjs';
import { runCodeTask } from './tasks/code-mode.mjs';
import { clockAt, recorder, same, taskRow } from './tasks/harness.mjs';
import { issueTasks, tasks } from './tasks/index.mjs';

/** Default clock: a Wednesday, so "tomorrow" and "last week" are working days whatever day it is run. */
const DEFAULT_NOW = '2026-11-25T12:00:00.000Z';

const { values: flags } = parseArgs({
  options: {
    now: { type: 'string', default: DEFAULT_NOW },
    only: { type: 'string' },
    verbose: { type: 'boolean' },
    json: { type: 'boolean' },
    'code-mode': { type: 'boolean' },
  },
});

const now = new Date(flags.now);
if (Number.isNaN(now.getTime())) throw new Error(`--now: "${flags.now}" is not a date`);
const only = flags.only?.split(',').map((s) => s.trim());
const selected = only ? tasks.filter((t) => only.includes(t.id)) : tasks;
const clock = clockAt(now);

/** Runs one task on a freshly reset sandbox and returns its row. */
async function runTask(task, sandbox, client) {
  sandbox.reset();
  const { input, expected } = task.setup(sandbox.tenant('acme'), clock);
  const { call, calls, reads } = recorder(client);
  let verdict;
  let answer;
  try {
    answer = await task.run(call, input, clock);
    verdict = (task.verify ?? same)(answer, expected, sandbox.tenant('acme'));
  } catch (error) {
    verdict = `${error.name}: ${error.message}`;
  }
  return taskRow(task, sandbox, { calls, reads, answer, verdict });
}

const sandbox = await createSandbox({ now });
const env = { CHILI_PIPER_API_KEY: sandbox.apiKey, CHILI_PIPER_BASE_URL: sandbox.url };
const rows = [];
const codeRows = [];
const listing = {};
try {
  const server = await connectStdio({ env });
  try {
    listing.normal = listingTokens((await server.client.listTools()).tools).total;
    for (const task of selected) rows.push(await runTask(task, sandbox, server.client));
  } finally {
    await server.close();
  }
  if (flags['code-mode']) {
    const code = await connectStdio({ env, args: ['--code-mode'] });
    try {
      listing.code = listingTokens((await code.client.listTools()).tools).total;
      for (const task of selected) codeRows.push(await runCodeTask(task, sandbox, code.client, clock));
    } finally {
      await code.close();
    }
  }
} finally {
  await sandbox.close();
}

const totals = (list) => ({
  tasks: list.length,
  passed: list.filter((r) => r.ok).length,
  calls: list.reduce((s, r) => s + r.calls.length, 0),
  tokens: list.reduce((s, r) => s + r.tokens, 0),
  reads: list.reduce((s, r) => s + r.reads.length, 0),
  linkedTokens: list.reduce((s, r) => s + r.linkedTokens, 0),
});
const issueIds = new Set(issueTasks.map((t) => t.id));

if (flags.json) {
  const summary = { all: totals(rows), issueTasks: totals(rows.filter((r) => issueIds.has(r.id))) };
  const code = flags['code-mode']
    ? {
        rows: codeRows,
        all: totals(codeRows),
        issueTasks: totals(codeRows.filter((r) => issueIds.has(r.id))),
      }
    : undefined;
  console.log(JSON.stringify({ now: now.toISOString(), listing, rows, summary, codeMode: code }, null, 2));
} else if (flags['code-mode']) {
  printBoth();
} else {
  console.log(
    `task benchmark: ${rows.length} tasks over stdio against the sandbox at ${now.toISOString()}, Node ${process.version}`,
  );
  console.log(
    'tokens: o200k_base of what the model reads of each call result (text, and resource_link parts as JSON), summed per task',
  );
  console.log(
    'reads: resources/read of result links, apart from calls; linked: tokens of what they returned (not in context)',
  );
  console.log(
    `  ${'task'.padEnd(26)} ${'calls'.padStart(5)} ${'tokens'.padStart(8)} ${'cut'.padStart(4)} ${'reads'.padStart(5)} ${'linked'.padStart(7)}  ok`,
  );
  for (const r of rows) {
    const mark = r.ok ? '✓' : `✗ ${r.why}`;
    console.log(
      `  ${r.id.padEnd(26)} ${String(r.calls.length).padStart(5)} ${String(r.tokens).padStart(8)} ${String(r.cut).padStart(4)} ${String(r.reads.length).padStart(5)} ${String(r.linkedTokens).padStart(7)}  ${mark}`,
    );
    if (flags.verbose)
      for (const c of r.calls)
        console.log(
          `      ${c.name.padEnd(34)} ${String(c.tokens).padStart(7)}${c.cut ? ' cut' : ''}${c.items ? ` (${c.items.count} items, largest ${c.items.max})` : ''}${c.links ? ' +link' : ''}${c.error ? ' error' : ''}`,
        );
    if (flags.verbose)
      for (const x of r.reads)
        console.log(
          `      ${'resources/read'.padEnd(34)} ${String(x.tokens).padStart(7)} linked, ${x.chars} chars`,
        );
  }
  for (const [label, list] of [
    ['issue tasks (1-10)', rows.filter((r) => issueIds.has(r.id))],
    ['all tasks', rows],
  ]) {
    const t = totals(list);
    if (t.tasks)
      console.log(
        `  ${label}: ${t.calls} calls, ${t.tokens} tokens, ${t.passed}/${t.tasks} ✓; ${t.reads} resources/read, ${t.linkedTokens} linked tokens`,
      );
  }
}

/** Normal mode and code mode side by side: calls, result tokens, Edge API requests and verdicts. */
function printBoth() {
  console.log(
    `task benchmark, normal mode and code mode: ${rows.length} tasks over stdio against the sandbox at ${now.toISOString()}, Node ${process.version}`,
  );
  console.log(
    `tools/list: ${listing.normal} tokens in normal mode, ${listing.code} in code mode (search + execute); result tokens: o200k_base of each result's text, summed per task`,
  );
  const pad = (v, n) => String(v).padStart(n);
  console.log(`  ${''.padEnd(26)} ${'normal mode'.padEnd(26)} ${'code mode'.padEnd(36)}`);
  console.log(
    `  ${'task'.padEnd(26)} ${pad('calls', 5)} ${pad('tokens', 8)} ${pad('reqs', 5)} ok   ${pad('calls', 5)} ${pad('tokens', 8)} ${pad('search', 7)} ${pad('reqs', 5)} ok`,
  );
  for (const [i, r] of rows.entries()) {
    const c = codeRows[i];
    const mark = (row) => (row.ok ? '✓' : '✗');
    console.log(
      `  ${r.id.padEnd(26)} ${pad(r.calls.length, 5)} ${pad(r.tokens, 8)} ${pad(r.upstream, 5)} ${mark(r)}    ${pad(c.calls.length, 5)} ${pad(c.tokens, 8)} ${pad(c.searchTokens, 7)} ${pad(c.upstream, 5)} ${mark(c)}`,
    );
    for (const row of [r, c]) if (!row.ok) console.log(`      ${row === r ? 'normal' : 'code'}: ${row.why}`);
  }
  for (const [label, pick] of [
    ['issue tasks (1-10)', (list) => list.filter((r) => issueIds.has(r.id))],
    ['all tasks', (list) => list],
  ]) {
    const n = totals(pick(rows));
    const c = totals(pick(codeRows));
    if (n.tasks)
      console.log(
        `  ${label}: normal ${n.calls} calls, ${n.tokens} tokens, ${n.passed}/${n.tasks} ✓; code mode ${c.calls} calls, ${c.tokens} tokens, ${c.passed}/${c.tasks} ✓`,
      );
  }
}
