import type { Message, Metafile } from 'esbuild';

/** The Worker entry (worker/worker.ts). */
export declare const entry: string;

/** Bundles the Worker (or `source`, resolved from this package) for workerd; writes `outfile` when given. */
export declare function buildWorker(options?: {
  minify?: boolean;
  outfile?: string;
  source?: string;
}): Promise<{ code: string | undefined; bytes: number; warnings: Message[]; metafile: Metafile }>;
