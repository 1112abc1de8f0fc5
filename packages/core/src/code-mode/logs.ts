import type { ScriptLimits } from './types.js';

const PREFIX: Readonly<Record<string, string>> = { warn: '[warn] ', error: '[error] ' };

/** Console lines of one run, each cut at `logLineChars`, all together at most `logChars` characters. */
export interface LogCapture {
  readonly lines: string[];
  add(level: string, text: string): void;
}

/** Creates the log of one run. Lines past the total budget are counted and reported by one final note. */
export function createLogCapture(limits: Pick<ScriptLimits, 'logChars' | 'logLineChars'>): LogCapture {
  const lines: string[] = [];
  let used = 0;
  let dropped = 0;
  return {
    lines,
    add(level, text) {
      let line = (PREFIX[level] ?? '') + text;
      if (line.length > limits.logLineChars)
        line = `${line.slice(0, limits.logLineChars)}… [${line.length - limits.logLineChars} more characters]`;
      if (dropped === 0 && used + line.length <= limits.logChars) {
        lines.push(line);
        used += line.length;
        return;
      }
      dropped++;
      const note = `[${dropped} more console line${dropped === 1 ? '' : 's'} dropped: the log is limited to ${limits.logChars} characters]`;
      if (dropped === 1) lines.push(note);
      else lines[lines.length - 1] = note;
    },
  };
}
