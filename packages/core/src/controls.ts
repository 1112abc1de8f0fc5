import * as v from 'valibot';
import type { Pagination } from './tool.js';

/**
 * The inputs every tool of a kind shares, added by `defineTool` from the tool's data so they are stated once:
 * `pagination` on paged tools, `cursor` on lists, `fields` on tools with a compact view. The executor consumes
 * `cursor` and `fields` itself; `pagination` goes to the Edge API.
 */

/** The `pagination: {page, pageSize}` input of a paged tool, from its {@link Pagination}. Pages are 0-based. */
export function paginationInput(paging: Pagination) {
  const { defaultPageSize: size, maxPageSize: max } = paging;
  const sizeText = `Items per page (default ${size}${max === undefined ? '' : `, max ${max}`}).`;
  return v.optional(
    v.pipe(
      v.object({
        page: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.description('0-based page.'))),
        pageSize: v.optional(
          v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(max ?? 1000), v.description(sizeText)),
        ),
      }),
      v.description(`{page, pageSize≤${max ?? 1000}}`),
    ),
  );
}

/** The `cursor` input of a list: the previous result's `nextCursor`. */
export const cursorInput = v.optional(
  v.pipe(
    v.string('cursor must be the nextCursor string of the previous result'),
    v.maxLength(2000, 'cursor is too long: pass nextCursor exactly as it was returned'),
    v.description('nextCursor, for more.'),
  ),
);

/** The `fields` input of a tool with a compact view. */
export const fieldsInput = v.optional(
  v.pipe(
    v.union(
      [
        v.literal('all'),
        v.pipe(
          v.array(v.pipe(v.string(), v.maxLength(200))),
          v.minLength(1, 'fields must list at least one field, or be "all"'),
          v.maxLength(50, 'fields may list at most 50 fields'),
        ),
      ],
      'fields must be "all" or a list of dotted field paths',
    ),
    v.metadata({ listing: 'summary' }),
    v.description('"all" or paths.'),
  ),
);

/** The names of the inputs the executor consumes itself (never sent as such). */
export const CONTROL_FIELDS = ['cursor', 'fields'] as const;

/** The schema types of the shared inputs. */
export type PaginationInput = ReturnType<typeof paginationInput>;
export type CursorInput = typeof cursorInput;
export type FieldsInput = typeof fieldsInput;
