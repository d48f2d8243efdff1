import type { AuditEntry } from '@courtassist/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type { KeysetPage } from '../../shared/api/types';

export interface AuditFilters {
  entityType?: string;
  entityId?: string;
  actorId?: number;
  action?: string;
  /** ISO 8601 with offset. */
  from?: string;
  to?: string;
}

export const auditKey = ['audit'] as const;

/** The audit trail, newest first, one keyset page at a time. */
export function useAuditLog(filters: AuditFilters, options: { enabled?: boolean; limit?: number } = {}) {
  const limit = options.limit ?? 50;
  return useInfiniteQuery({
    queryKey: [...auditKey, filters, limit],
    queryFn: ({ pageParam, signal }) => api.get<KeysetPage<AuditEntry>>('/audit', { ...filters, cursor: pageParam, limit }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: options.enabled ?? true,
  });
}
