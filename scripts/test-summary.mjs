// Prints "N passed, N failed" from vitest's JSON report; exits 1 when the report is missing or shows failures.
import { readFileSync } from 'node:fs';

const file = process.argv[2] ?? '.vitest-results.json';
let report;
try {
  report = JSON.parse(readFileSync(file, 'utf8'));
} catch {
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const passed = report.numPassedTests ?? 0;
const failed = report.numFailedTests ?? 0;
const suitesFailed = (report.testResults ?? []).filter(
  (r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0,
).length;
const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
const totalFailed = failed + suitesFailed;
console.log(`${passed} passed, ${totalFailed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(totalFailed > 0 || passed === 0 ? 1 : 0);
