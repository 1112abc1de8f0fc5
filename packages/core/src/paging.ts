import * as v from 'valibot';
import type { Pagination } from './tool.js';

/** The `pagination: {page, pageSize}` input of a paged tool, from its {@link Pagination}. Pages are 0-based. */
export function paginationInput(paging: Pagination) {
  const { defaultPageSize: size, maxPageSize: max } = paging;
  const sizeText = `Items per page (default ${size}${max === undefined ? '' : `, at most ${max}`}).`;
  return v.optional(
    v.pipe(
      v.object({
        page: v.optional(
          v.pipe(v.number(), v.integer(), v.minValue(0), v.description('0-based page number (default 0).')),
        ),
        pageSize: v.optional(
          v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(max ?? 10_000), v.description(sizeText)),
        ),
      }),
      v.description('Paging: {page, pageSize}; pages are 0-based.'),
    ),
  );
}

/** The schema type of the `pagination` input. */
export type PaginationInput = ReturnType<typeof paginationInput>;
