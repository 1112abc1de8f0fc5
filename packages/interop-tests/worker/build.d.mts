import type { BuildOptions, Message, Metafile } from 'esbuild';

/** The Worker entry (worker/worker.ts). */
export declare const entry: string;
/** The esbuild options every Worker bundle shares (one ES module for workerd, no Node built-ins). */
export declare const workerdOptions: BuildOptions;

/** Bundles the Worker (or `source`, resolved from this package) for workerd; writes `outfile` when given. */
export declare function buildWorker(options?: {
  minify?: boolean;
  outfile?: string;
  source?: string;
}): Promise<{ code: string | undefined; bytes: number; warnings: Message[]; metafile: Metafile }>;
