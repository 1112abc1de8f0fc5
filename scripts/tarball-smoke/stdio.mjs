// The packed stdio bin, run as an MCP client would run it: `chilipiper-mcp --sandbox`, then initialize and
// tools/list over stdin/stdout (newline-delimited JSON-RPC).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { catalog, selectTools } from '@chilipiper-mcp/core';

const bin = new URL('./node_modules/.bin/chilipiper-mcp', import.meta.url).pathname;
const child = spawn(bin, ['--sandbox'], { stdio: ['pipe', 'pipe', 'inherit'] });
const replies = new Map();
const waiting = new Map();
createInterface({ input: child.stdout }).on('line', (line) => {
  const message = JSON.parse(line);
  if (message.id === undefined) return;
  if (waiting.has(message.id)) waiting.get(message.id)(message);
  else replies.set(message.id, message);
});
const send = (message) => child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', ...message })}\n`);
const reply = (id) =>
  new Promise((resolve) => (replies.has(id) ? resolve(replies.get(id)) : waiting.set(id, resolve)));
const timer = setTimeout(() => {
  console.error('stdio: no answer within 20 s');
  process.exit(1);
}, 20_000);

send({
  id: 1,
  method: 'initialize',
  params: {
    protocolVersion: '2025-06-18',
    capabilities: {},
    clientInfo: { name: 'tarball-check', version: '0' },
  },
});
assert.equal((await reply(1)).result.serverInfo.name, 'chilipiper-mcp');
send({ method: 'notifications/initialized' });
send({ id: 2, method: 'tools/list' });
const { result } = await reply(2);
assert.deepEqual(
  result.tools.map((t) => t.name),
  selectTools(catalog).map((t) => t.name),
);
clearTimeout(timer);
child.stdin.end();
const code = await new Promise((resolve) => child.once('exit', resolve));
assert.equal(code, 0);
console.log('stdio ok');
