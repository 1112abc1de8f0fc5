import { defineConfig } from 'tsup';

export default defineConfig([
  {
    // The library: ESM + CJS with types. `clean` spares the bin built by the second config.
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: ['!cli.js', '!cli.js.map'],
    target: 'node20',
  },
  {
    // The bin (`chilipiper-mcp`): ESM only, with the shebang that lets npx and the shell run it.
    entry: ['src/cli.ts'],
    format: ['esm'],
    sourcemap: true,
    clean: false,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
