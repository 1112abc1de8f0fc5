import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';

/** The npm package every generated `npx` entry runs. */
export const PACKAGE_NAME = '@chilipiper-mcp/stdio';

/**
 * The absolute path of the running CLI when it is this repository's own build, else undefined.
 *
 * `entry` is the script Node runs (`process.argv[1]`). It counts as a checkout when, after resolving
 * symlinks (npm and pnpm link bins), it is `<workspace>/packages/stdio/dist/cli.js` of a pnpm workspace
 * (a `pnpm-workspace.yaml` two levels above the package) whose `package.json` names this package, and no
 * part of the path is `node_modules`: an installed copy (npx cache, global or project install) always
 * lives under one, and its path is not stable enough to write into a client's config.
 */
export function checkoutCli(entry: string | undefined): string | undefined {
  if (!entry) return undefined;
  let file: string;
  try {
    file = realpathSync(entry);
  } catch {
    return undefined;
  }
  if (basename(file) !== 'cli.js' || basename(dirname(file)) !== 'dist') return undefined;
  if (file.split(sep).includes('node_modules')) return undefined;
  const pkgDir = dirname(dirname(file));
  if (!existsSync(join(pkgDir, '..', '..', 'pnpm-workspace.yaml'))) return undefined;
  try {
    const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as { name?: unknown };
    return pkg.name === PACKAGE_NAME ? file : undefined;
  } catch {
    return undefined;
  }
}
