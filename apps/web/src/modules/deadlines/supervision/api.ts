import type {
  CaseSummary,
  Department,
  IssueSupervisionRequest,
  PutWarningSettingRequest,
  SupervisionOrderView,
  SupervisionQuery,
  User,
  WarningBoard,
  WarningBoardQuery,
  WarningSettingView,
} from '@courtassist/contracts';
import { keepPreviousData, type QueryClient, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/client';
import type { KeysetPage, Paged } from '../../../shared/api/types';
import { casesKey } from '../../cases';

export const supervisionKey = ['supervision'] as const;
export const warningBoardKey = ['warning-board'] as const;
const settingsKey = ['warning-settings'] as const;
// The workbench counts the orders addressed to me; it imports this module, so its key is named here
// rather than imported back (which would make the two modules depend on each other).
const workbenchKey = ['workbench'] as const;

// ---- the warning board ----

export function useWarningBoard(query: WarningBoardQuery) {
  return useQuery({
    queryKey: [...warningBoardKey, query],
    queryFn: ({ signal }) => api.get<WarningBoard>('/warning-board', { ...query }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useWarningSettings(enabled: boolean) {
  return useQuery({
    queryKey: settingsKey,
    queryFn: ({ signal }) => api.get<{ items: WarningSettingView[] }>('/warning-settings', undefined, { signal }),
    enabled,
  });
}

/** Saving thresholds recomputes every case's level at once: the board and case lists are refetched. */
export function usePutWarningSetting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PutWarningSettingRequest) => api.put<{ items: WarningSettingView[] }>('/warning-settings', body),
    onSuccess: (result) => {
      queryClient.setQueryData(settingsKey, result);
      void queryClient.invalidateQueries({ queryKey: warningBoardKey });
      void queryClient.invalidateQueries({ queryKey: casesKey });
      void queryClient.invalidateQueries({ queryKey: workbenchKey });
    },
    // A stale version (409) reloads the settings so that the form shows what is stored now.
    onError: () => void queryClient.invalidateQueries({ queryKey: settingsKey }),
  });
}

// ---- org look-ups for the filters and the recipient ----

export function useCourtDepartments(courtId: number | undefined) {
  return useQuery({
    queryKey: ['departments', 'of-court', courtId],
    queryFn: ({ signal }) => api.get<Paged<Department>>('/departments', { courtId, page: 1, pageSize: 200 }, { signal }),
    enabled: !!courtId,
    staleTime: 60_000,
  });
}

/** Active users of a court whose name matches `q` (the first 20). */
export function useCourtUsers(courtId: number | undefined, q: string, enabled: boolean) {
  return useQuery({
    queryKey: ['users', 'of-court', courtId, q],
    queryFn: ({ signal }) =>
      api.get<Paged<User>>('/users', { courtId, q: q || undefined, status: 'active', page: 1, pageSize: 20 }, { signal }),
    enabled: enabled && !!courtId,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** Cases whose number contains `q`, for picking the case to supervise. */
export function useCaseSearch(q: string) {
  return useQuery({
    queryKey: [...casesKey, 'pick', q],
    queryFn: ({ signal }) => api.get<KeysetPage<CaseSummary>>('/cases', { caseNumber: q, limit: 20 }, { signal }),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
}

// ---- supervision orders ----

export type OrderFilter = Pick<SupervisionQuery, 'role' | 'status' | 'caseId'>;

/** Orders one keyset page at a time, newest first. */
export function useSupervisionOrders(filter: OrderFilter, limit = 20, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...supervisionKey, 'list', filter, limit],
    queryFn: ({ pageParam, signal }) =>
      api.get<KeysetPage<SupervisionOrderView>>('/supervision-orders', { ...filter, cursor: pageParam, limit }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

function refreshOrders(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: supervisionKey });
  void queryClient.invalidateQueries({ queryKey: workbenchKey });
}

export function useIssueSupervision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, ...body }: IssueSupervisionRequest & { caseId: number }) =>
      api.post<SupervisionOrderView>(`/cases/${caseId}/supervision-orders`, body),
    onSuccess: () => refreshOrders(queryClient),
  });
}

/** Any answer, even a refusal (a stale version, an order closed meanwhile), reloads the lists. */
export function useRespondSupervision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: number; response: string; version: number }) =>
      api.post<SupervisionOrderView>(`/supervision-orders/${id}/respond`, body),
    onSettled: () => refreshOrders(queryClient),
  });
}

export function useCloseSupervision() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) =>
      api.post<SupervisionOrderView>(`/supervision-orders/${id}/close`, { version }),
    onSettled: () => refreshOrders(queryClient),
  });
}
