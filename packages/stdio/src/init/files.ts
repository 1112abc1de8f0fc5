import { constants } from 'node:fs';
import { copyFile, mkdir, readFile, realpath, rename, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** What {@link updateFile} did. */
export interface UpdateResult {
  readonly path: string;
  /** False when the file already had the wanted content (nothing was written). */
  readonly changed: boolean;
  readonly created: boolean;
  /** The copy of the previous content, when an existing file was changed. */
  readonly backup?: string;
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** `20261124T031500Z`: a backup suffix that sorts by time. */
export function timestamp(now: Date): string {
  return now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

async function backupOf(path: string, now: Date): Promise<string> {
  const base = `${path}.bak-${timestamp(now)}`;
  for (let n = 0; ; n++) {
    const candidate = n === 0 ? base : `${base}-${n}`;
    try {
      await copyFile(path, candidate, constants.COPYFILE_EXCL);
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

/**
 * Rewrites a config file through `render(current)`: nothing is written when the content is unchanged
 * (idempotent), an existing file is copied to `<file>.bak-<timestamp>` before it changes, and the new
 * content is written to a temporary file and renamed into place. If `render` throws, nothing is written.
 * New files holding a secret are created readable by the owner only. A symlinked file is edited in place.
 */
export async function updateFile(
  file: string,
  render: (current: string | undefined) => string,
  options: { now?: Date; secret?: boolean } = {},
): Promise<UpdateResult> {
  // Write through a symlink (dotfile repositories) instead of replacing it with a plain file.
  const path = await realpath(file).catch(() => file);
  const current = await readIfExists(path);
  const next = render(current);
  if (current === next) return { path, changed: false, created: false };
  await mkdir(dirname(path), { recursive: true });
  const mode = current === undefined ? (options.secret ? 0o600 : 0o644) : (await stat(path)).mode & 0o777;
  const backup = current === undefined ? undefined : await backupOf(path, options.now ?? new Date());
  const temp = `${path}.tmp-${process.pid}`;
  await writeFile(temp, next, { mode });
  await rename(temp, path);
  return { path, changed: true, created: current === undefined, ...(backup ? { backup } : {}) };
}
