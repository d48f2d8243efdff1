import type {
  DecideLimitChangeRequest,
  LimitChangeKind,
  LimitChangeQuery,
  LimitChangeView,
  RequestLimitChangeRequest,
} from '@courtassist/contracts';
import { keepPreviousData, type QueryClient, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/client';
import type { KeysetPage, ListOf } from '../../../shared/api/types';
import { auditKey } from '../../audit';
import { casesKey } from '../../cases';
import { workbenchKey } from '../../workbench';

export const limitChangesKey = ['limit-changes'] as const;
const limitKeys = {
  ofCase: (caseId: number) => [...limitChangesKey, 'case', caseId] as const,
  list: (filters: LimitChangeFilters, limit: number) => [...limitChangesKey, 'list', filters, limit] as const,
  pendingCount: [...limitChangesKey, 'pending-count'] as const,
};

/** The approvals page's filters: status `pending` is the caller's queue; any other status filters all changes in scope. */
export interface LimitChangeFilters {
  status?: LimitChangeQuery['status'];
  kind?: LimitChangeKind;
}

// ---- reading ----

/** The limit changes of one case, newest first (a case has few: the whole list). */
export function useCaseLimitChanges(caseId: number) {
  return useQuery({
    queryKey: limitKeys.ofCase(caseId),
    queryFn: ({ signal }) => api.get<ListOf<LimitChangeView>>(`/cases/${caseId}/limit-changes`, undefined, { signal }),
    enabled: Number.isInteger(caseId) && caseId > 0,
  });
}

/** Limit changes in the caller's scope, newest first, one keyset page at a time. */
export function useLimitChanges(filters: LimitChangeFilters, limit = 20) {
  return useInfiniteQuery({
    queryKey: limitKeys.list(filters, limit),
    queryFn: ({ pageParam, signal }) =>
      api.get<KeysetPage<LimitChangeView>>('/limit-changes', { ...filters, cursor: pageParam, limit }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** How many changes await the caller's decision (the total of a one-item page). */
export function usePendingCount() {
  return useQuery({
    queryKey: limitKeys.pendingCount,
    queryFn: ({ signal }) => api.get<KeysetPage<LimitChangeView>>('/limit-changes', { status: 'pending', limit: 1 }, { signal }),
    select: (page) => page.total,
  });
}

// ---- changes ----

/**
 * An approval moves the case's stored deadline and warning level at once: the changes, the case
 * (detail, list, counts), the workbench and the audit trail are all out of date.
 */
function afterChange(queryClient: QueryClient) {
  return Promise.all([limitChangesKey, casesKey, workbenchKey, auditKey].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

/** A refusal may come from stale data (409): reload the changes and the cases, so the next try sees the present state. */
function afterRefusal(queryClient: QueryClient) {
  return Promise.all([limitChangesKey, casesKey].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

function useLimitMutation<V>(request: (vars: V) => Promise<LimitChangeView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => afterChange(queryClient),
    onError: () => afterRefusal(queryClient),
  });
}

export function useRequestLimitChange() {
  return useLimitMutation(({ caseId, body }: { caseId: number; body: RequestLimitChangeRequest }) =>
    api.post<LimitChangeView>(`/cases/${caseId}/limit-changes`, body),
  );
}

export function useDecideLimitChange() {
  return useLimitMutation(({ id, ...body }: DecideLimitChangeRequest & { id: number }) =>
    api.post<LimitChangeView>(`/limit-changes/${id}/decide`, body),
  );
}

export function useWithdrawLimitChange() {
  return useLimitMutation(({ id, version }: { id: number; version: number }) =>
    api.post<LimitChangeView>(`/limit-changes/${id}/withdraw`, { version }),
  );
}

export function useResumeSuspension() {
  return useLimitMutation(({ id, on, version }: { id: number; on: string; version: number }) =>
    api.post<LimitChangeView>(`/limit-changes/${id}/resume`, { on, version }),
  );
}
