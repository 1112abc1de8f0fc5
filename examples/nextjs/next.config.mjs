import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The app lives in a pnpm workspace: let the bundler and output tracing see the whole repository.
  turbopack: { root },
  outputFileTracingRoot: root,
};

export default nextConfig;
