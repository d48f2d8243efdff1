import { useMemo } from 'react';
import { type AuditFilters, useAuditLog } from './api';

/** The loaded pages of the trail flattened, with what the footer needs. */
export function useAuditEntries(filters: AuditFilters, options: { enabled?: boolean; limit?: number } = {}) {
  const query = useAuditLog(filters, options);
  const entries = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const total = query.data?.pages[0]?.total ?? 0;
  return {
    query,
    entries,
    footer: {
      total,
      loaded: entries.length,
      hasMore: !!query.hasNextPage,
      loading: query.isFetchingNextPage,
      onLoadMore: () => void query.fetchNextPage(),
    },
  };
}
