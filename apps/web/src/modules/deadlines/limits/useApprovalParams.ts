import { LIMIT_CHANGE_KINDS, LIMIT_CHANGE_STATUSES, type LimitChangeKind, type LimitChangeStatus } from '@courtassist/contracts';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { LimitChangeFilters } from './api';

export type ApprovalView = 'pending' | 'all';

export interface ApprovalParams {
  view: ApprovalView;
  kind?: LimitChangeKind;
  /** Only in the `all` view. */
  status?: LimitChangeStatus;
}

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  value !== null && (values as readonly string[]).includes(value) ? (value as T) : undefined;

/** The approvals page's tab and filters, kept in the URL so a link (or reload) shows the same list. */
export function useApprovalParams(): [ApprovalParams, LimitChangeFilters, (next: Partial<ApprovalParams>) => void] {
  const [search, setSearch] = useSearchParams();
  const params = useMemo<ApprovalParams>(() => {
    const view = search.get('view') === 'all' ? 'all' : 'pending';
    return {
      view,
      kind: oneOf(LIMIT_CHANGE_KINDS, search.get('kind')),
      status: view === 'all' ? oneOf(LIMIT_CHANGE_STATUSES, search.get('status')) : undefined,
    };
  }, [search]);
  const filters = useMemo<LimitChangeFilters>(
    () => ({ status: params.view === 'pending' ? 'pending' : params.status, kind: params.kind }),
    [params],
  );
  const update = useCallback(
    (next: Partial<ApprovalParams>) => {
      const merged = { ...params, ...next };
      const query = new URLSearchParams();
      if (merged.view === 'all') query.set('view', 'all');
      if (merged.kind) query.set('kind', merged.kind);
      if (merged.view === 'all' && merged.status) query.set('status', merged.status);
      setSearch(query, { replace: true });
    },
    [params, setSearch],
  );
  return [params, filters, update];
}
