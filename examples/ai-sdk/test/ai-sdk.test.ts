import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

describe('examples/ai-sdk', () => {
  it('runs the agent against the sandbox: the cancel waits for approval, then is sent once', async () => {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['agent.mjs'], {
      cwd: new URL('..', import.meta.url),
      env: { ...process.env, CHILI_PIPER_API_KEY: '' },
      timeout: 60_000,
    });
    expect(stderr).toMatch(/SANDBOX/);
    expect(stdout).toMatch(/^\d+ tools; these wait for approval: meeting-cancel, meeting-noshow$/m);
    expect(stdout).toMatch(/^model called meeting-list-put\nmodel called meeting-cancel$/m);
    expect(stdout).toMatch(/^approval asked: meeting-cancel \{"meetingId":"[0-9a-f-]{36}"\}$/m);
    expect(stdout).toMatch(/^cancel requests sent before approval: 0$/m);
    expect(stdout).toMatch(/^cancel requests sent after approval: 1$/m);
    expect(stdout).toMatch(/^model: Cancelled the meeting with \S+ \S+\.$/m);
    expect(stdout).toMatch(/^meeting status now: Canceled$/m);
  });
});
