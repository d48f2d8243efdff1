import type {
  CaseInspection,
  CompletenessReport,
  DefectQuery,
  DefectView,
  InspectionGroup,
  InspectionRuleView,
  InspectionRunResult,
  InspectionSummary,
  UpdateInspectionRuleRequest,
} from '@courtassist/contracts';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type { KeysetPage, ListOf } from '../../shared/api/types';

export const inspectionKey = ['inspection'] as const;
// A correction request creates a work order: the centre's lists are refreshed by their key.
const workOrdersKey = ['work-orders'] as const;

export type DefectFilter = Partial<Omit<DefectQuery, 'cursor' | 'limit'>>;
export type CompletenessGroup = CompletenessReport['by'];

/** Defects one keyset page at a time, with the total of the filter. */
export function useDefects(filter: DefectFilter, limit = 20) {
  return useInfiniteQuery({
    queryKey: [...inspectionKey, 'defects', filter, limit],
    queryFn: ({ pageParam, signal }) =>
      api.get<KeysetPage<DefectView>>('/inspection/defects', { ...filter, cursor: pageParam, limit }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Only the number of defects matching a filter (one row fetched), for the summary cards. */
export function useDefectCount(filter: DefectFilter) {
  return useQuery({
    queryKey: [...inspectionKey, 'count', filter],
    queryFn: ({ signal }) => api.get<KeysetPage<DefectView>>('/inspection/defects', { ...filter, limit: 1 }, { signal }),
    select: (page) => page.total,
  });
}

export function useInspectionSummary(by: InspectionGroup, courtId?: number) {
  return useQuery({
    queryKey: [...inspectionKey, 'summary', by, courtId],
    queryFn: ({ signal }) => api.get<InspectionSummary>('/inspection/summary', { by, courtId }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useCompleteness(by: CompletenessGroup, courtId?: number) {
  return useQuery({
    queryKey: [...inspectionKey, 'completeness', by, courtId],
    queryFn: ({ signal }) => api.get<CompletenessReport>('/inspection/completeness', { by, courtId }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useInspectionRules() {
  return useQuery({
    queryKey: [...inspectionKey, 'rules'],
    queryFn: ({ signal }) => api.get<ListOf<InspectionRuleView>>('/inspection/rules', undefined, { signal }),
  });
}

export function useCaseInspection(caseId: number) {
  return useQuery({
    queryKey: [...inspectionKey, 'case', caseId],
    queryFn: ({ signal }) => api.get<CaseInspection>(`/cases/${caseId}/inspection`, undefined, { signal }),
    enabled: Number.isInteger(caseId) && caseId > 0,
  });
}

// ---- changes: any answer, even a refusal (stale version, running request), reloads what is shown ----

function useInspectionMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: inspectionKey });
      void queryClient.invalidateQueries({ queryKey: workOrdersKey });
    },
  });
}

export function useRequestCorrection() {
  return useInspectionMutation((d: { id: number; version: number; note?: string }) =>
    api.post<DefectView>(`/inspection/defects/${d.id}/correction`, { note: d.note ?? '', version: d.version }),
  );
}

export function useWaiveDefect() {
  return useInspectionMutation((d: { id: number; version: number; reason: string }) =>
    api.post<DefectView>(`/inspection/defects/${d.id}/waive`, { reason: d.reason, version: d.version }),
  );
}

export function useRunInspection() {
  return useInspectionMutation(() => api.post<InspectionRunResult>('/inspection/runs'));
}

export function useEditRule() {
  return useInspectionMutation(({ code, ...patch }: UpdateInspectionRuleRequest & { code: string }) =>
    api.patch<InspectionRuleView>(`/inspection/rules/${code}`, patch),
  );
}
