import type {
  CreateWorkOrderRequest,
  CreateWorkOrderRuleRequest,
  CreateWorkOrderTypeRequest,
  ExportJobStatus,
  RecordResultRequest,
  TeamBoard,
  UpdateWorkOrderRuleRequest,
  UpdateWorkOrderTypeRequest,
  WorkOrderDetail,
  WorkOrderExportInput,
  WorkOrderQuery,
  WorkOrderRuleView,
  WorkOrderStats,
  WorkOrderStatsQuery,
  WorkOrderTypeView,
  WorkOrderView,
} from '@courtassist/contracts';
import { keepPreviousData, type QueryClient, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type { KeysetPage, ListOf } from '../../shared/api/types';

export const workOrdersKey = ['work-orders'] as const;
// The workbench shows my order counts and imports this module: its key is named here, not imported.
const workbenchKey = ['workbench'] as const;

export type OrderFilter = Partial<Omit<WorkOrderQuery, 'cursor' | 'limit'>>;

export interface CentreTeam {
  id: number;
  courtId: number;
  courtName: string;
  name: string;
  members: { userId: number; name: string }[];
}

export interface BulkResult {
  items: { id: number; ok: boolean; code: string | null }[];
  succeeded: number;
}

/** Orders one keyset page at a time: open work in due order, done work newest first. */
export function useOrders(filter: OrderFilter, limit = 20, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...workOrdersKey, 'list', filter, limit],
    queryFn: ({ pageParam, signal }) =>
      api.get<KeysetPage<WorkOrderView>>('/work-orders', { ...filter, cursor: pageParam, limit }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** Only the total of a list (one row fetched), for the counts on tabs and cards. */
export function useOrderCount(filter: OrderFilter, enabled = true) {
  return useQuery({
    queryKey: [...workOrdersKey, 'count', filter],
    queryFn: ({ signal }) => api.get<KeysetPage<WorkOrderView>>('/work-orders', { ...filter, limit: 1 }, { signal }),
    // A first page (no cursor) always carries its total.
    select: (page) => page.total ?? 0,
    enabled,
  });
}

export function useOrder(id: number) {
  return useQuery({
    queryKey: [...workOrdersKey, 'detail', id],
    queryFn: ({ signal }) => api.get<WorkOrderDetail>(`/work-orders/${id}`, undefined, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** The order types of a court (active ones only when `activeOnly`). */
export function useOrderTypes(courtId: number | undefined, activeOnly = false) {
  return useQuery({
    queryKey: [...workOrdersKey, 'types', courtId, activeOnly],
    queryFn: ({ signal }) =>
      api.get<ListOf<WorkOrderTypeView>>('/work-order-types', { courtId, active: activeOnly ? 'true' : undefined }, { signal }),
    enabled: courtId !== undefined,
    staleTime: 5 * 60_000,
  });
}

export function useCentreTeams(enabled = true) {
  return useQuery({
    queryKey: [...workOrdersKey, 'teams'],
    queryFn: ({ signal }) => api.get<{ items: CentreTeam[] }>('/centre-teams', undefined, { signal }),
    staleTime: 60_000,
    enabled,
  });
}

export function useTeamBoard(teamId: number | undefined) {
  return useQuery({
    queryKey: [...workOrdersKey, 'board', teamId],
    queryFn: ({ signal }) => api.get<TeamBoard>('/centre-teams/board', { teamId }, { signal }),
    enabled: teamId !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useOrderStatistics(query: WorkOrderStatsQuery) {
  return useQuery({
    queryKey: [...workOrdersKey, 'statistics', query],
    queryFn: ({ signal }) => api.get<WorkOrderStats>('/work-orders/statistics', { ...query }, { signal }),
    placeholderData: keepPreviousData,
  });
}

// ---- changes: any answer, even a refusal (stale version, lost claim), reloads what is shown ----

function refresh(queryClient: QueryClient) {
  void queryClient.invalidateQueries({ queryKey: workOrdersKey });
  void queryClient.invalidateQueries({ queryKey: workbenchKey });
}

function useOrderMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => refresh(queryClient) });
}

export function useClaimOrder() {
  return useOrderMutation((id: number) => api.post<WorkOrderDetail>(`/work-orders/${id}/claim`));
}

/** A step on one order that takes its version and an optional text (reason, note, assignee). */
export type OrderStep =
  | { action: 'start' | 'complete'; id: number; version: number }
  | { action: 'return'; id: number; version: number; reason: string }
  | { action: 'withdraw'; id: number; version: number; reason: string }
  | { action: 'reinitiate'; id: number; version: number; note?: string }
  | { action: 'redispatch'; id: number; version: number; assigneeId: number; note: string };

export function useOrderStep() {
  return useOrderMutation(({ action, id, ...body }: OrderStep) => api.post<WorkOrderDetail>(`/work-orders/${id}/${action}`, body));
}

export function useRecordResult() {
  return useOrderMutation(({ id, ...body }: RecordResultRequest & { id: number }) =>
    api.put<WorkOrderDetail>(`/work-orders/${id}/result`, body),
  );
}

export function useCreateOrder() {
  return useOrderMutation((body: CreateWorkOrderRequest) => api.post<WorkOrderDetail>('/work-orders', body));
}

export function useBulkDispatch() {
  return useOrderMutation((body: { ids: number[]; assigneeId: number }) => api.post<BulkResult>('/work-orders/dispatch', body));
}

export function useBulkReturn() {
  return useOrderMutation((body: { ids: number[]; reason: string }) => api.post<BulkResult>('/work-orders/return', body));
}

export function useHandOver() {
  return useOrderMutation((body: { teamId: number; fromUserId: number; toUserId: number }) =>
    api.post<{ moved: number }>('/work-orders/hand-over', body),
  );
}

// ---- order types and automatic-start rules (order.type.manage) ----

export function useCreateOrderType() {
  return useOrderMutation((body: CreateWorkOrderTypeRequest) => api.post<WorkOrderTypeView>('/work-order-types', body));
}

export function useUpdateOrderType() {
  return useOrderMutation(({ id, ...body }: UpdateWorkOrderTypeRequest & { id: number }) =>
    api.put<WorkOrderTypeView>(`/work-order-types/${id}`, body),
  );
}

export function useOrderRules(courtId: number | undefined) {
  return useQuery({
    queryKey: [...workOrdersKey, 'rules', courtId],
    queryFn: ({ signal }) => api.get<ListOf<WorkOrderRuleView>>('/work-order-rules', { courtId }, { signal }),
    enabled: courtId !== undefined,
  });
}

export function useCreateOrderRule() {
  return useOrderMutation((body: CreateWorkOrderRuleRequest) => api.post<WorkOrderRuleView>('/work-order-rules', body));
}

export function useUpdateOrderRule() {
  return useOrderMutation(({ id, ...body }: UpdateWorkOrderRuleRequest & { id: number }) =>
    api.put<WorkOrderRuleView>(`/work-order-rules/${id}`, body),
  );
}

// ---- XLSX exports of the centre screens ----

/** What to export, without the language: the button adds the one the user reads. */
export type OrderExportRequest = WorkOrderExportInput extends infer R ? (R extends unknown ? Omit<R, 'lang'> : never) : never;

export function useStartOrderExport() {
  return useMutation({
    mutationFn: (body: OrderExportRequest & { lang: 'zh-CN' | 'en' }) => api.post<ExportJobStatus>('/work-orders/exports', body),
  });
}

/** Polls an export's progress every second until it is done or failed. */
export function useOrderExport(id: string | null) {
  return useQuery({
    queryKey: [...workOrdersKey, 'export', id],
    queryFn: ({ signal }) => api.get<ExportJobStatus>(`/work-order-exports/${id}`, undefined, { signal }),
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data?.status === 'running' || !q.state.data ? 1000 : false),
  });
}

export function orderExportFileUrl(id: string): string {
  return `/api/work-order-exports/${id}/file`;
}
