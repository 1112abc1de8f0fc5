/**
 * What a guarded tool shows before it acts, as data on the tool (`tool.preview`), read by one generic builder
 * (`build-preview.ts`). Paths are dotted (`meeting.dateTime.start`); their first step names a read (`as`), or
 * `$` the call's own arguments (`$meetingId`, `$dto.conditions`). `a[]` steps into every element, `a[k=v]` into
 * the elements whose `k` is `v`, `@keys` gives an object's keys as a list.
 */

/** A read the preview makes first: a read tool, with arguments taken from the call's. */
export interface PreviewRead {
  /** Name the result is kept under: the first step of the paths that use it. */
  readonly as: string;
  /** A read tool of the catalog. */
  readonly tool: string;
  /**
   * Its arguments. A string `$path` is the call's argument at that path, `=path` a value of an earlier read
   * (such a read waits for the others); after a `[]` step, all the values. A read whose templated argument has
   * no value is skipped.
   */
  readonly args: Readonly<Record<string, unknown>>;
  /** For a list: keep only the item whose `where` path equals the templated `equals` (pages are followed). */
  readonly find?: { readonly where: string; readonly equals: string };
}

/** One fact a person checks (the meeting's start, its host, the users removed). */
export interface PreviewFact {
  readonly label: string;
  /** Path(s) of the value; several are joined (`name`, `email` → "Ada, ada@example.com"). */
  readonly show: string | readonly string[];
  /** A list path: one entry per item, with `show` relative to the item. */
  readonly each?: string;
}

/** A value the call replaces: what it is now (from a read) and what the call sends. */
export interface PreviewDiff {
  readonly label: string;
  /** Path of the current value in the reads (relative to the item with `each`). */
  readonly before: string;
  /** Path of the new value in the call's arguments (`$…`; with `each`, a map indexed by the item's key). */
  readonly after: string;
  /** What leaving the new value out does: `kept` (nothing shown; the default) or `reset`. */
  readonly omitted?: 'kept' | 'reset';
  /** One diff per item of a list read: `items` path, the item's `key` path and its `label` path. */
  readonly each?: { readonly items: string; readonly key: string; readonly label: string };
}

/** Things that name what the call changes and would dangle or change with it (routers using a rule…). */
export interface PreviewReference {
  readonly label: string;
  /** Path of a list in the reads. */
  readonly from: string;
  /** Item filters: some value at `path` is among the templated `in` values (skipped when `in` is absent). */
  readonly where?: readonly { readonly path: string | readonly string[]; readonly in: string }[];
  /** Path(s) of what names each item. */
  readonly show: string | readonly string[];
}

/** The preview of a guarded tool. */
export interface PreviewSpec {
  readonly reads: readonly PreviewRead[];
  readonly show: readonly PreviewFact[];
  readonly diff?: readonly PreviewDiff[];
  readonly references?: readonly PreviewReference[];
}

/** A preview as a person and a model read it (also the `structuredContent` of a preview result). */
export interface Preview {
  /** The tool that would run. */
  readonly tool: string;
  /** What it does, in a few words (the tool's title). */
  readonly action: string;
  /** Label → value(s) (`Host` → "Quinn Moreau, quinn@acme.example"). */
  readonly facts: Readonly<Record<string, string | readonly string[]>>;
  /** What the call replaces: `path: before → after`. */
  readonly changes?: readonly PreviewChange[];
  /** Changes beyond the ones listed. */
  readonly changesLeftOut?: number;
  /** Label → the things that reference what changes. */
  readonly references?: Readonly<Record<string, readonly string[]>>;
  /** Reads that failed, with why (the preview is then partial). */
  readonly unread?: readonly string[];
}

/** One changed value. */
export interface PreviewChange {
  readonly path: string;
  readonly before: string;
  readonly after: string;
}
