// Which workspace packages need a build: used by `start` so it builds only when a build is out of date.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The newest (`Math.max`) or oldest (`Math.min`) modification time of the files under a path, if any. */
function mtime(path, pick) {
  if (!existsSync(path)) return undefined;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  const times = readdirSync(path)
    .map((name) => mtime(join(path, name), pick))
    .filter((t) => t !== undefined);
  return times.length ? pick(...times) : undefined;
}

/**
 * The names of the packages under `root`/packages whose dist is missing or older than a source, their
 * package.json, their tsup config or the shared tsup config.
 */
export function stalePackages(root) {
  const shared = mtime(join(root, 'tsup.shared.ts'), Math.max) ?? 0;
  return readdirSync(join(root, 'packages')).flatMap((dir) => {
    const at = (file) => join(root, 'packages', dir, file);
    if (!existsSync(at('package.json'))) return [];
    const pkg = JSON.parse(readFileSync(at('package.json'), 'utf8'));
    if (!pkg.scripts?.build) return [];
    const built = mtime(at('dist'), Math.min);
    const inputs = ['src', 'package.json', 'tsup.config.ts'].map((f) => mtime(at(f), Math.max) ?? 0);
    return built === undefined || built < Math.max(shared, ...inputs) ? [pkg.name] : [];
  });
}
