// A task done in code mode: the searches a model makes first, then its script in one `execute`, over a stdio
// server started with --code-mode. Counted like normal mode: the tool calls and the o200k tokens of their
// result text; the answer is the script's return value, checked by the task's verdict.
import { countTokens, resultText } from '../../lib/token-count.mjs';
import { same, taskRow, ToolError } from './harness.mjs';

/** Runs `task.code` on a freshly reset sandbox and returns its row. */
export async function runCodeTask(task, sandbox, client, clock) {
  sandbox.reset();
  const { input, expected } = task.setup(sandbox.tenant('acme'), clock);
  const calls = [];
  const call = async (name, args) => {
    const result = await client.callTool({ name, arguments: args });
    const text = resultText(result);
    calls.push({ name, tokens: countTokens(text), cut: false, error: Boolean(result.isError) });
    if (result.isError) throw new ToolError(name, text);
    return text;
  };
  let answer;
  let verdict;
  try {
    for (const query of task.code.search) await call('search', { query });
    answer = JSON.parse(await call('execute', { code: task.code.script(input, clock) }));
    verdict = (task.code.verify ?? task.verify ?? same)(answer, expected, sandbox.tenant('acme'));
  } catch (error) {
    verdict = `${error.name}: ${error.message}`;
  }
  const searchTokens = calls.filter((c) => c.name === 'search').reduce((sum, c) => sum + c.tokens, 0);
  return taskRow(task, sandbox, { calls, answer, verdict, searchTokens });
}
