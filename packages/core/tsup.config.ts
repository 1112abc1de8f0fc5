import { rmSync } from 'node:fs';
import { defineConfig } from 'tsup';
import { library } from '../../tsup.shared';
import { writeDeclarations } from './build/declarations';

export default defineConfig(() => {
  // dist is emptied here and not by tsup: code mode's declarations (build/declarations.ts) are written into it
  // before the compile starts, and tsup's clean of .d.ts files runs at an unknown time during its type build.
  const packageDir = new URL('./', import.meta.url);
  rmSync(new URL('dist/', packageDir), { recursive: true, force: true });
  writeDeclarations(packageDir);
  return { ...library(['src/index.ts', 'src/node.ts']), clean: false };
});
