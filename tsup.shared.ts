import type { Options } from 'tsup';

/** The build every published package shares: ESM + CJS with types for Node 20 and up. */
export function library(entry: string[]): Options {
  // `clean` spares the bin, which the `cli` build writes into the same folder at the same time.
  return {
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: ['!cli.js', '!cli.js.map'],
    target: 'node20',
  };
}

/** A package's bin: ESM only, with the shebang that lets npx and the shell run it. */
export const cli: Options = {
  entry: ['src/cli.ts'],
  format: ['esm'],
  sourcemap: true,
  clean: false,
  target: 'node20',
  banner: { js: '#!/usr/bin/env node' },
};
