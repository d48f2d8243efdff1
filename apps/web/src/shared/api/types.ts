/** An offset-paginated list, as the organisation endpoints return it. */
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** A keyset-paginated list: pass `nextCursor` back as `cursor` for the following page. */
export interface KeysetPage<T> {
  items: T[];
  /** Some lists give the total with the first page only (null later), estimated when large. */
  total: number | null;
  totalApproximate?: boolean;
  nextCursor: string | null;
}

/** A complete, small list. */
export interface ListOf<T> {
  items: T[];
  total: number;
}
