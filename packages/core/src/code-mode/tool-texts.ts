// What a model reads about the two code mode tools. Their listing (name + description + inputSchema) must stay
// under 2,500 o200k tokens together; a test measures it.
import type { ScriptLimits } from './types.js';

/** The description of `search`. */
export const SEARCH_DESCRIPTION =
  'Finds the Chili Piper API methods that execute scripts call, by what they do or by name, and returns their ' +
  'TypeScript declarations: input fields with docs, result shape, safety class (read, write, destructive) and ' +
  'permission. Search before writing a script; an empty query lists every method.';

const EXAMPLE = `let count = 0, cursor;
do {
  const page = await cp.meetingListPut({ start: '2026-01-05T00:00:00Z', end: '2026-01-12T00:00:00Z', status: ['NoShow'], cursor });
  count += page.results.length;
  cursor = page.nextCursor;
} while (cursor);
return { count };`;

const CONFIRM =
  " Destructive methods need confirmation: unconfirmed, they throw, send nothing, and this run's result " +
  'carries their preview and a token. Show the preview to the person; only if they agree, run the call again ' +
  'with the same input plus confirm: token.';

/** The description of `execute`, with the limits of this server's runs. */
export function executeDescription(limits: ScriptLimits, maxResultChars: number, confirm = false): string {
  const seconds = Math.round(limits.timeoutMs / 100) / 10;
  const mib = Math.round(limits.memoryBytes / 2 ** 20);
  const budget = Number.isFinite(maxResultChars) ? ` (${maxResultChars} characters in all)` : '';
  return (
    'Runs JavaScript against the Chili Piper API and returns what the script returns, as JSON, with its ' +
    'console output. `code` is the body of an async function: await calls, return a value. Plain JavaScript: ' +
    'no TypeScript annotations. `cp` has one async method per tool, named in camelCase (search shows them ' +
    'and their inputs), e.g. cp.meetingListPut(input). A method resolves to the tool result (lists: ' +
    '{results, total?, nextCursor?}; text tools: {text}) and throws an Error with the tool message on failure. ' +
    'Only cp, console and the language exist: no fetch, require, import, process or timers. Loop, filter and ' +
    `join in the script and return only what you need${budget}. Per run: ${seconds} s, ${limits.calls} cp ` +
    `calls, ${mib} MiB.${confirm ? CONFIRM : ''} Example, last week's no-shows across pages:\n${EXAMPLE}`
  );
}
