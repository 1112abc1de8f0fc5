// Finds and compiles the engine's WebAssembly module (`quickjs-wasi/quickjs.wasm`) once per process, without a
// `node:` import: the file is read through `process.getBuiltinModule('fs')` where it exists (Node 20.16+, Bun,
// Deno) and fetched by URL elsewhere. Cloudflare Workers cannot compile WebAssembly from bytes at run time,
// so there the caller imports the .wasm file as a module and passes it as `wasmModule`.

/** The package subpath of the engine's WebAssembly file. */
export const WASM_SPECIFIER = 'quickjs-wasi/quickjs.wasm';

interface FileReader {
  readFileSync(path: string | URL): Uint8Array<ArrayBuffer>;
}

let shipped: Promise<WebAssembly.Module> | undefined;

/**
 * The compiled engine module shipped with `quickjs-wasi`, compiled on first use and shared by every runner
 * of this process. A failure is not cached: the next call tries again.
 */
export function loadShippedWasm(): Promise<WebAssembly.Module> {
  shipped ??= compileShipped().catch((error: unknown) => {
    shipped = undefined;
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Code mode could not load its engine (${WASM_SPECIFIER}): ${reason}. Pass the compiled module as ` +
        '`wasmModule` (required on Cloudflare Workers and in bundles that do not ship node_modules).',
      { cause: error },
    );
  });
  return shipped;
}

async function compileShipped(): Promise<WebAssembly.Module> {
  const location = wasmLocation();
  const fs = builtinFs();
  if (fs) return WebAssembly.compile(fs.readFileSync(location));
  const response = await fetch(location);
  if (!response.ok) throw new Error(`fetching ${String(location)} answered ${response.status}`);
  return WebAssembly.compile(await response.arrayBuffer());
}

/** Where the .wasm file is: resolved from this module (ESM) or through `require` (the CommonJS build). */
function wasmLocation(): string | URL {
  const meta = import.meta as { resolve?: (specifier: string) => string };
  if (typeof meta.resolve === 'function') return new URL(meta.resolve(WASM_SPECIFIER));
  if (typeof require === 'function') return require.resolve(WASM_SPECIFIER);
  throw new Error('this runtime can resolve neither import.meta.resolve nor require.resolve');
}

function builtinFs(): FileReader | undefined {
  const runtime = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return runtime?.getBuiltinModule?.('fs') as FileReader | undefined;
}
