import type * as v from 'valibot';
import type { CatalogTool } from './catalog.js';
import type { ExecuteOptions } from './execute.js';
import type { ToolFilter } from './select.js';
import type { InputSchema } from './tool.js';

/** `meeting-list-put` → `meetingListPut`: a tool name as the name of a client method, at the type level. */
export type MethodName<TName extends string> = TName extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<MethodName<Tail>>}`
  : TName;

/** `meeting-list-put` → `meetingListPut`: the client method (and code-mode function) name of a tool. */
export function toMethodName<const TName extends string>(name: TName): MethodName<TName> {
  return name.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase()) as MethodName<TName>;
}

/** The name of a catalog tool that changes nothing (from each tool's literal `safety.kind`). */
export type ReadToolName = Extract<CatalogTool, { readonly safety: { readonly kind: 'read' } }>['name'];

/** What a text or CSV tool resolves to: the response text (cut to `maxResultChars`, with a note, when longer). */
export interface TextResult {
  readonly text: string;
}

/**
 * What a JSON tool resolves to: the result's `structuredContent` — a record, or a list as
 * `{ results, total?, nextCursor?, note? }` (pass `cursor: nextCursor`, same other arguments, for more). When a
 * result has no structured form (a record too large for the size budget) it is `{ text }` instead.
 */
export type JsonResult = Readonly<Record<string, unknown>>;

/** What the method of a tool resolves to. */
export type ToolOutput<TName extends string> = Extract<
  CatalogTool,
  { readonly name: TName }
>['response'] extends 'json'
  ? JsonResult
  : TextResult;

/** Options of one client call. */
export interface CallOptions {
  /** Cancels the call (and any retry wait); the method rejects with a `ChiliPiperError` of kind `aborted`. */
  readonly signal?: AbortSignal | undefined;
}

/** A tool as the client's types read it: its literal name and its valibot input schema. */
export interface TypedTool {
  readonly name: string;
  readonly input: InputSchema;
}

/** One client method: typed input (optional when every field is), resolving to the tool's result. */
export type ClientMethod<TTool extends TypedTool> =
  Record<string, never> extends v.InferInput<TTool['input']>
    ? (input?: v.InferInput<TTool['input']>, options?: CallOptions) => Promise<ToolOutput<TTool['name']>>
    : (input: v.InferInput<TTool['input']>, options?: CallOptions) => Promise<ToolOutput<TTool['name']>>;

/** One method per tool of `TTools`, named by {@link toMethodName}. Reused by code mode for its declarations. */
export type ClientMethods<TTools extends TypedTool = CatalogTool> = {
  readonly [TTool in TTools as MethodName<TTool['name']>]: ClientMethod<TTool>;
};

/** Options of `createChiliPiperClient`: the executor's options (without a per-call `signal`) and the tool filter. */
export interface ClientOptions extends ToolFilter, Omit<ExecuteOptions, 'signal' | 'sleep'> {
  /** The Chili Piper API key every call is made with. */
  readonly apiKey: string;
}

/**
 * The client `createChiliPiperClient(options)` returns. With `readOnly: true`, only the read tools' methods;
 * with `readOnly` a `boolean` not known when compiling, the write methods are optional. With `include` or
 * `exclude`, every method is optional in the type: the filter is applied to the value at run time, and a tool
 * it leaves out has no method.
 */
export type ChiliPiperClient<TOptions extends ClientOptions = ClientOptions> = [
  ReadOnlyOf<TOptions>,
] extends [true]
  ? Filtered<TOptions, ClientMethods<ReadTool>>
  : [ReadOnlyOf<TOptions>] extends [false | undefined]
    ? Filtered<TOptions, ClientMethods>
    : Filtered<TOptions, ClientMethods<ReadTool> & Partial<ClientMethods>>;

/** The type of `readOnly` in the options (`undefined` when it is left out). */
type ReadOnlyOf<TOptions> = TOptions extends { readonly readOnly: infer R } ? R : undefined;

/** The catalog's read tools, with their literal names and input schemas. */
export type ReadTool = Extract<CatalogTool, { readonly safety: { readonly kind: 'read' } }>;

type Filtered<TOptions extends ClientOptions, TMethods> = [FilterOf<TOptions>] extends [undefined]
  ? TMethods
  : Partial<TMethods>;

/** The `include` and `exclude` lists in the options (`undefined` when both are left out). */
type FilterOf<TOptions> =
  | (TOptions extends { readonly include: infer I } ? I : undefined)
  | (TOptions extends { readonly exclude: infer E } ? E : undefined);
