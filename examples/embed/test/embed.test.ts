import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

describe('examples/embed', () => {
  it('runs the in-process agent against the sandbox and asserts what it shows', async () => {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['agent.mjs'], {
      cwd: new URL('..', import.meta.url),
      env: { ...process.env, CHILI_PIPER_API_KEY: '' },
      timeout: 60_000,
    });
    expect(stderr).toMatch(/SANDBOX/);
    expect(stdout).toMatch(/^\d+ read-only tools/m);
    expect(stdout).toMatch(/tenant: acme/);
    expect(stdout).toMatch(/meetings this week \(first page\): \d+, more: (true|false)/);
    expect(stdout).toMatch(/cancel refused: .*disabled: this server is in read-only mode/);
  });
});
