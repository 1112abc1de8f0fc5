import type { ObjectEntries, ObjectSchema, ErrorMessage, ObjectIssue } from 'valibot';

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
  /** True when the call reaches beyond Chili Piper (emails, calendar invites, CRM updates, automations). */
  readonly externalEffects?: boolean;
}

/**
 * Where one input field goes on the wire. Fields without an entry follow the default rule:
 * a `{name}` in the path fills the path; otherwise query for GET/DELETE, body for the rest.
 */
export type FieldPlacement =
  /** Fill the `{name}` path variable (`as` renames it). */
  | { readonly in: 'path'; readonly as?: string }
  /** One query parameter or body property (`as` renames it). Arrays in the query repeat the parameter. */
  | { readonly in: 'query' | 'body'; readonly as?: string }
  /** An object whose properties are merged into the query or the body (a `filter`, or a `body` wrapper). */
  | { readonly in: 'query' | 'body'; readonly spread: true }
  /** The value is the whole request body (bare-array bodies, or a `body` wrapper sent as is). */
  | { readonly in: 'body'; readonly root: true };

/**
 * How a list pages. The tool's `pagination` input (`{page, pageSize}`) is sent as `page`/`pageSize`
 * in the query or the body, as `in` says.
 */
export type Pagination =
  | {
      /** 0-based `page`/`pageSize`; the response is `{results, total, page, pageSize}`. */
      readonly style: 'page';
      readonly in: 'query' | 'body';
      /** Dotted path to the item array in the response. */
      readonly items: string;
      readonly defaultPageSize: number;
      readonly maxPageSize?: number;
    }
  | {
      /** 0-based `page`/`pageSize`; the response says `hasMore: "Yes" | "No"` (meeting-list-put). */
      readonly style: 'hasMore';
      readonly in: 'query' | 'body';
      readonly items: string;
      readonly defaultPageSize?: number;
      readonly maxPageSize?: number;
    };

/** A tool's part in a two-phase flow (discover or route, then book). */
export type Flow =
  | {
      readonly role: 'start';
      /** Flow name, shared by both tools. */
      readonly flow: 'scheduling-link' | 'handoff' | 'concierge';
      /** Dotted path(s) in the response that identify the session (e.g. `routeId`). */
      readonly yields: readonly string[];
      /** The tool that finishes the flow. */
      readonly next: string;
    }
  | {
      readonly role: 'finish';
      readonly flow: 'scheduling-link' | 'handoff' | 'concierge';
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
  /** Largest allowed span in days. */
  readonly maxDays: number;
}

/** How sure the request/response contract is. */
export type Confidence =
  /** Backed by a first-party OpenAPI schema. */
  | 'spec'
  /** Seen in the hosted server's tool inputs or first-party prose, without a schema. */
  | 'observed'
  /** Our best guess; check against the real API. */
  | 'inferred';

/** The valibot schema of a tool's input: always an object. */
export type InputSchema = ObjectSchema<ObjectEntries, ErrorMessage<ObjectIssue> | undefined>;

/** A Chili Piper MCP tool, as plain data. One generic executor reads every field. */
export interface Tool<TInput extends InputSchema = InputSchema> {
  /** Tool name exactly as the Chili Piper help article spells it (e.g. `meeting-list-put`). */
  readonly name: string;
  /** Short human title. */
  readonly title: string;
  /** What the tool does, what it changes, how it pages, its span limit and the next tool in a flow. */
  readonly description: string;
  /** Help-article group. */
  readonly group: ToolGroup;
  /** The Edge API operation this tool calls. */
  readonly operation: Operation;
  /** The deprecated seed operation this tool's name refers to, when we call its replacement instead. */
  readonly replaces?: Operation;
  /** Input schema (valibot), with a description on every field. */
  readonly input: TInput;
  /** Placement of input fields where the default rule would be wrong. */
  readonly fields?: Readonly<Record<string, FieldPlacement>>;
  /** POST/PUT/PATCH calls send `{}` when no field goes in the body; `noBody` sends no body at all. */
  readonly noBody?: true;
  /** Static query parameters always sent. */
  readonly fixedQuery?: Readonly<Record<string, string>>;
  /** Present on paginated lists. */
  readonly pagination?: Pagination;
  /** Present on the two tools of a two-phase flow. */
  readonly flow?: Flow;
  /** Present when the API caps the time span between two inputs. */
  readonly span?: SpanLimit;
  /** Explicit safety class. */
  readonly safety: Safety;
  /** Permission the API key needs, when known (e.g. `meeting.read`). */
  readonly permission?: string;
  /** Whether `permission` comes from the spec or is our inference. */
  readonly permissionConfidence?: Confidence;
  /** Response body kind. */
  readonly response: 'json' | 'text' | 'csv';
  /** How sure the contract is. */
  readonly confidence: Confidence;
  /** Free-form notes on inferences and contradictions in the sources. */
  readonly notes?: string;
}

/** Identity helper that keeps a tool's literal types for inference. */
export function defineTool<TInput extends InputSchema>(tool: Tool<TInput>): Tool<TInput> {
  return tool;
}

/** Any tool, erased to the common shape. */
export type AnyTool = Tool<InputSchema>;
