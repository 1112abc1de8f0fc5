// What the tool list costs a model, in o200k_base tokens, as a client receives it over stdio from the built
// server (`node packages/stdio/dist/cli.js --sandbox`), in full, in read-only mode and with confirmation on
// (`--confirm destructive`, the HTTP servers' default: guarded tools list a `confirm` input). A measurement, not a
// test: it prints numbers and never fails on them.
//
//   npx -y pnpm@10 tokens            (builds first; output on stdout, build log on stderr)
//   node scripts/tokens.mjs [--json] [--top N]
//
// Per tool: countTokens(name + description + JSON.stringify(inputSchema)); see scripts/lib/token-count.mjs.
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { refCounts, repeatedPhrases, repeatedSchemaValues } from './lib/schema-repeats.mjs';
import { connectStdio } from './lib/stdio-client.mjs';
import { countTokens, listingTokens } from './lib/token-count.mjs';

const { values: flags } = parseArgs({
  options: { json: { type: 'boolean' }, top: { type: 'string', default: '12' } },
});
const TOP = Number(flags.top);

/** The tools one server mode lists, with their token counts and what repeats in them. */
async function measure(label, args) {
  const server = await connectStdio({ args: ['--sandbox', ...args] });
  try {
    const { tools } = await server.client.listTools();
    return {
      label,
      args,
      toolCount: tools.length,
      ...listingTokens(tools),
      wholeListingTokens: countTokens(JSON.stringify({ tools })),
      refs: refCounts(tools),
      repeatedValues: repeatedSchemaValues(tools).slice(0, TOP),
      repeatedPhrases: repeatedPhrases(tools).slice(0, TOP),
    };
  } finally {
    await server.close();
  }
}

function commit() {
  try {
    return execFileSync('git', ['describe', '--always', '--dirty', '--abbrev=10'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'unknown';
  }
}

const pad = (v, n) => String(v).padStart(n);

function printMode(m, { perTool }) {
  console.log(
    `\n${m.label}: ${m.toolCount} tools, ${m.total} tokens (node packages/stdio/dist/cli.js ${['--sandbox', ...m.args].join(' ')})`,
  );
  if (perTool) {
    console.log(
      `  ${'tool'.padEnd(38)} ${pad('name', 5)} ${pad('descr', 6)} ${pad('schema', 7)} ${pad('total', 6)}`,
    );
    for (const t of m.tools) {
      const row = `${pad(t.nameTokens, 5)} ${pad(t.descriptionTokens, 6)} ${pad(t.schemaTokens, 7)} ${pad(t.total, 6)}`;
      console.log(`  ${t.name.padEnd(38)} ${row}`);
    }
    const sum = (k) => m.tools.reduce((s, t) => s + t[k], 0);
    const parts = `${pad(sum('nameTokens'), 5)} ${pad(sum('descriptionTokens'), 6)} ${pad(sum('schemaTokens'), 7)}`;
    console.log(`  ${'total'.padEnd(38)} ${parts} ${pad(m.total, 6)}`);
  }
  console.log(`  whole tools/list JSON (with title, annotations, _meta): ${m.wholeListingTokens} tokens`);
  console.log(
    `  $ref: ${m.refs.$ref}, $defs: ${m.refs.$defs}${m.refs.tools.length ? ` (in ${m.refs.tools.join(', ')})` : ''}`,
  );
  console.log('  repeated schema values (count × tokens = tokens beyond the first mention):');
  for (const r of m.repeatedValues)
    console.log(`    ${pad(r.count, 4)} × ${pad(r.tokens, 3)} = ${pad(r.repeatTokens, 5)}  ${clip(r.text)}`);
  console.log('  repeated phrases in descriptions:');
  for (const r of m.repeatedPhrases)
    console.log(`    ${pad(r.count, 4)} × ${pad(r.tokens, 3)} = ${pad(r.repeatTokens, 5)}  ${clip(r.text)}`);
}

const clip = (s) => (s.length > 100 ? `${s.slice(0, 97)}...` : s);

const full = await measure('all tools', []);
const readOnly = await measure('read-only', ['--read-only']);
const confirm = await measure('confirmation on', ['--confirm', 'destructive']);
if (flags.json) {
  console.log(JSON.stringify({ commit: commit(), encoding: 'o200k_base', full, readOnly, confirm }, null, 2));
} else {
  console.log(`tools/list tokens (o200k_base, gpt-tokenizer) at ${commit()}, Node ${process.version}`);
  console.log('per tool: countTokens(name + description + JSON.stringify(inputSchema))');
  printMode(full, { perTool: true });
  printMode(readOnly, { perTool: false });
  printMode(confirm, { perTool: false });
  console.log(
    `\nsummary: all tools ${full.total} tokens, read-only ${readOnly.total} tokens, ` +
      `confirmation on (HTTP default) ${confirm.total} tokens`,
  );
}
