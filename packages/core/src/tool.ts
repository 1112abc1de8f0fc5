import * as v from 'valibot';
import type { ObjectEntries, ObjectSchema, ErrorMessage, ObjectIssue } from 'valibot';
import type { PreviewSpec } from './confirm/types.js';
import {
  cursorInput,
  fieldsInput,
  paginationInput,
  type CursorInput,
  type FieldsInput,
  type PaginationInput,
} from './controls.js';

/** HTTP methods the Edge API uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The 13 tool groups, as in the Chili Piper help article (availability split out of scheduling). */
export type ToolGroup =
  | 'organization'
  | 'users'
  | 'workspaces'
  | 'teams'
  | 'distributions'
  | 'rules'
  | 'meetings'
  | 'scheduling'
  | 'availability'
  | 'handoff'
  | 'concierge'
  | 'distro'
  | 'crm';

/** Every group, in help-article order. */
export const TOOL_GROUPS: readonly ToolGroup[] = [
  'organization',
  'users',
  'workspaces',
  'teams',
  'distributions',
  'rules',
  'meetings',
  'scheduling',
  'availability',
  'handoff',
  'concierge',
  'distro',
  'crm',
];

/** One Edge API operation: its name in the operation index, its method and its path template. */
export interface Operation {
  /** Operation name from the Edge operation index (its camelCase form is the OpenAPI operationId). */
  readonly name: string;
  /** HTTP method. */
  readonly method: HttpMethod;
  /** Path template relative to the base URL, e.g. `/v1/org/user/read/{userId}`. */
  readonly path: string;
}

/**
 * What a tool does to the world. Stated per tool, never guessed from the HTTP verb:
 * Chili Piper lists are PUT/POST, and the deprecated meeting-cancel is a GET.
 */
export interface Safety {
  /** `read` changes nothing; `write` changes state; `destructive` deletes, cancels or cannot be undone. */
  readonly kind: 'read' | 'write' | 'destructive';
  /** True when sending the same call twice leaves the same state as sending it once (safe to retry). */
  readonly idempotent: boolean;
}

/**
 * Where one input field goes on the wire. Fields without an entry follow the default rule:
 * a `{name}` in the path fills the path; otherwise query for GET/DELETE, body for the rest.
 */
export type FieldPlacement =
  /** One query parameter or body property of the same name. Arrays in the query repeat the parameter. */
  | { readonly in: 'query' | 'body' }
  /** An object whose properties are merged into the query or the body (a `filter`, or a `body` wrapper). */
  | { readonly in: 'query' | 'body'; readonly spread: true }
  /** The value is the whole request body (bare-array bodies, or a `body` wrapper sent as is). No other field may go in the body. */
  | { readonly in: 'body'; readonly root: true };

/**
 * How a list pages. The tool's `pagination` input (`{page, pageSize}`, added by {@link defineTool}) is sent as
 * `page`/`pageSize` in the query or the body, as `in` says.
 */
export interface Pagination {
  /** `page`: the response is `{results, total, page, pageSize}`; `hasMore`: it says `hasMore: "Yes" | "No"`. */
  readonly style: 'page' | 'hasMore';
  /** Where `page` and `pageSize` are sent. */
  readonly in: 'query' | 'body';
  /** Page size when the caller gives none (sized so a page of compact items fits the result budget). */
  readonly defaultPageSize: number;
  /** Largest page size the API accepts, when it has a limit. */
  readonly maxPageSize?: number;
}

/** A tool's part in a two-phase flow (discover or route, then book). Documentation only. */
export type Flow =
  | {
      readonly role: 'start';
      /** Flow name, shared by both tools. */
      readonly name: 'scheduling-link' | 'handoff' | 'concierge';
      /** Dotted path(s) in the response that identify the session (e.g. `routeId`). */
      readonly yields: readonly string[];
      /** The tool that finishes the flow. */
      readonly next: string;
    }
  | {
      readonly role: 'finish';
      readonly name: 'scheduling-link' | 'handoff' | 'concierge';
      /** Input fields that carry the session id(s) from phase 1. */
      readonly consumes: readonly string[];
      /** The tool that starts the flow. */
      readonly after: string;
    };

/** A maximum time span between two ISO-8601 input fields, checked before any request is sent. */
export interface SpanLimit {
  /** Input field (dotted path) holding the span start. */
  readonly start: string;
  /** Input field (dotted path) holding the span end. */
  readonly end: string;
  /** Largest span in days the Edge API accepts in one request. */
  readonly maxDays: number;
  /** Longer spans, up to this many days, are split by the executor into windows of `maxDays`. */
  readonly splitUpTo?: number;
}

/**
 * What a result holds by default. Lists are returned as `{results, total?, nextCursor?}`; each item (or the one
 * record) keeps only the `keep` fields, or everything but the `omit` fields. The caller's `fields` input
 * (`"all"` or a list of dotted paths) overrides it. Dotted paths step into objects; `a[].b` into each element.
 */
export interface View {
  /** Dotted path of the item list in the response, for list results (`''`: the response is the list). */
  readonly items?: string;
  /** Dotted path of the record in the response, for single records wrapped in an envelope (e.g. `data`). */
  readonly record?: string;
  /** The item or record fields kept by default. */
  readonly keep?: readonly string[];
  /** The fields dropped by default (when `keep` is not given). */
  readonly omit?: readonly string[];
  /** The item field that identifies an item, to drop duplicates across split windows. */
  readonly id?: string;
}

/**
 * Input fields a caller may leave out to search every item of another list: the executor lists them first
 * (one more request, through that tool's own operation) and makes one request per item. Given fields narrow
 * the items searched. E.g. concierge-logs without `routerId` searches every Concierge router.
 */
export interface Expand {
  /** The list tool that gives the values (e.g. `concierge-list-routers`). */
  readonly from: string;
  /** Each input field, and the dotted path of its value in an item of that list. */
  readonly fields: Readonly<Record<string, string>>;
}

/** A filter the Edge API lacks, applied by this layer to each returned item. */
export interface LocalFilter {
  /** Dotted path of the input field that holds the wanted value(s) (e.g. `guestEmail`, `filter.type`). */
  readonly input: string;
  /** Dotted path in each item; `a[].b` matches when any element's `b` matches. */
  readonly item: string;
  /** Also send the input to the API (where it may or may not apply it). Default: not sent. */
  readonly send?: boolean;
}

/** How sure the request/response contract is. */
export type Confidence =
  /** The whole request and response are backed by a first-party OpenAPI schema. */
  | 'spec'
  /** A first-party schema backs the operation, but the tool sends or reads something it does not define. */
  | 'spec-extended'
  /** Seen in the hosted server's tool inputs or first-party prose, without a schema. */
  | 'observed'
  /** Our best guess; check against the real API. */
  | 'inferred';

/** Documentation of a tool: read by the docs generator and tests, never by the executor. */
export interface ToolDocs {
  /** How sure the request/response contract is. */
  readonly confidence: Confidence;
  /** Whether `permission` comes from the spec or is our inference (default: as `confidence`). */
  readonly permissionConfidence?: Confidence;
  /** Free-form notes on inferences and contradictions in the sources. */
  readonly notes?: string;
  /** The deprecated seed operation this tool's name refers to, when we call its replacement instead. */
  readonly replaces?: Operation;
  /** The tool's part in a two-phase flow. */
  readonly flow?: Flow;
  /** True when the call reaches beyond Chili Piper (emails, calendar invites, CRM updates, automations). */
  readonly externalEffects?: boolean;
  /** Why the tool has its safety class, by the MCP annotation definitions (read / additive / destructive). */
  readonly safetyReason: string;
  /** Not among the hosted server's tools (help article): added from the Edge operation index. */
  readonly extra?: true;
}

/** The valibot schema of a tool's input: always an object. */
export type InputSchema = ObjectSchema<ObjectEntries, ErrorMessage<ObjectIssue> | undefined>;

/** A Chili Piper MCP tool, as plain data. One generic executor reads every field but `docs`. */
export interface Tool<TInput extends InputSchema = InputSchema, TName extends string = string> {
  /** Tool name exactly as the Chili Piper help article spells it (e.g. `meeting-list-put`). */
  readonly name: TName;
  /** Short human title. */
  readonly title: string;
  /** What the tool does, what it changes, how it pages, its span limit and the next tool in a flow. */
  readonly description: string;
  /** Help-article group. */
  readonly group: ToolGroup;
  /** The Edge API operation this tool calls. */
  readonly operation: Operation;
  /** Input schema (valibot), with a description on every field. */
  readonly input: TInput;
  /** Placement of input fields where the default rule would be wrong. */
  readonly fields?: Readonly<Record<string, FieldPlacement>>;
  /** POST/PUT/PATCH calls send `{}` when no field goes in the body; `noBody` sends no body at all. */
  readonly noBody?: true;
  /** Present on paginated lists. */
  readonly pagination?: Pagination;
  /** What a result holds by default; present on every list. */
  readonly view?: View;
  /** Filters applied to the items by this layer (the Edge API lacks them or may ignore them). */
  readonly filters?: readonly LocalFilter[];
  /** Inputs that, left out, are filled with each item of another list (a search across them). */
  readonly expand?: Expand;
  /** Present when the API caps the time span between two inputs. */
  readonly span?: SpanLimit;
  /** Explicit safety class. */
  readonly safety: Safety;
  /** Permission the API key needs (e.g. `meeting.read`). */
  readonly permission: string;
  /** Response body kind. */
  readonly response: 'json' | 'text' | 'csv';
  /**
   * What a person checks before a guarded call acts (read by `confirm/build-preview.ts` when the server's
   * confirmation policy covers the tool): present on every destructive tool.
   */
  readonly preview?: PreviewSpec;
  /** Served only when `include` names the tool itself (not its group): kept out of the default list's tokens. */
  readonly optIn?: true;
  /** Documentation only: never read by the executor. */
  readonly docs: ToolDocs;
}

/** Any tool, erased to the common shape. */
export type AnyTool = Tool<InputSchema>;

/** The input entries {@link defineTool} adds, from the tool's data (see `controls.ts`). */
export type ControlEntries<S> = (S extends { readonly pagination: Pagination }
  ? { readonly pagination: PaginationInput }
  : unknown) &
  (S extends { readonly view: { readonly items: string } } ? { readonly cursor: CursorInput } : unknown) &
  (S extends { readonly view: { readonly keep: readonly string[] } }
    ? { readonly fields: FieldsInput }
    : unknown);

/** What {@link defineTool} takes: a tool whose input leaves out what the tool's other data implies. */
export type ToolSpec<TEntries extends ObjectEntries, TName extends string = string> = Omit<
  Tool,
  'input' | 'name'
> & {
  readonly name: TName;
  readonly input: ObjectSchema<TEntries, undefined>;
};

type EntriesOf<T> = T extends ObjectSchema<infer E, undefined> ? E : never;

/**
 * Makes a tool from its data, keeping literal types for inference. Inputs implied by the tool's other data
 * are added here, so they are stated once: `pagination` on paged tools (page sizes from `tool.pagination`),
 * `cursor` on lists, `fields` where the view keeps only some fields.
 */
export function defineTool<const S extends ToolSpec<ObjectEntries>>(spec: S): DefinedTool<S> {
  const controls: ObjectEntries = {
    ...(spec.pagination ? { pagination: paginationInput(spec.pagination) } : {}),
    ...(spec.view?.items !== undefined ? { cursor: cursorInput } : {}),
    ...(spec.view?.keep ? { fields: fieldsInput } : {}),
  };
  const added = Object.keys(controls).length > 0;
  const input = added ? v.object({ ...spec.input.entries, ...controls }) : spec.input;
  return { ...spec, input } as unknown as DefinedTool<S>;
}

/**
 * The tool {@link defineTool} makes of a spec: its literal name, its input with the control entries, and its
 * safety class and response kind as literal types (typed callers tell reads from writes, and text from JSON).
 */
export type DefinedTool<S extends ToolSpec<ObjectEntries>> = Tool<
  ObjectSchema<EntriesOf<S['input']> & ControlEntries<S>, undefined>,
  S['name']
> & { readonly safety: S['safety']; readonly response: S['response'] };
