import type {
  AssignCaseRequest,
  CaseDetail,
  CaseNode,
  CaseQuery,
  CaseSummary,
  CloseCaseRequest,
  FileCaseRequest,
  Team,
  WarningLevel,
} from '@courtassist/contracts';
import {
  keepPreviousData,
  type QueryClient,
  useInfiniteQuery,
  useMutation,
  useQueries,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type { KeysetPage, Paged } from '../../shared/api/types';
import { auditKey } from '../audit';

export const casesKey = ['cases'] as const;
export const caseKeys = {
  list: [...casesKey, 'list'] as const,
  detail: (id: number) => [...casesKey, 'detail', id] as const,
  counts: [...casesKey, 'counts'] as const,
  types: ['case-types'] as const,
  causes: ['causes'] as const,
  judges: (courtId: number) => [...casesKey, 'judges', courtId] as const,
};

// ---- reference data ----

export interface ProcedureView {
  code: string;
  nameZh: string;
  nameEn: string;
  limitMonths: number | null;
  limitDays: number | null;
  version: number;
}

export interface CaseTypeView {
  code: string;
  nameZh: string;
  nameEn: string;
  category: string;
  departmentKind: string;
  procedures: ProcedureView[];
}

export interface CauseView {
  code: string;
  parentCode: string | null;
  level: number;
  category: string;
  nameZh: string;
  nameEn: string;
  active: boolean;
}

/** Case types with their procedures and trial limits, as the court has configured them. */
export function useCaseTypes() {
  return useQuery({
    queryKey: caseKeys.types,
    queryFn: ({ signal }) => api.get<{ items: CaseTypeView[] }>('/case-types', undefined, { signal }),
    staleTime: 10 * 60_000,
  });
}

/** Children of a cause (`parent` null: the top level of a category), or a search by name. */
export function fetchCauses(
  queryClient: QueryClient,
  params: { parent?: string; q?: string; category?: string; limit?: number },
): Promise<{ items: CauseView[]; total: number }> {
  return queryClient.fetchQuery({
    queryKey: [...caseKeys.causes, params],
    queryFn: ({ signal }) => api.get<{ items: CauseView[]; total: number }>('/causes', { ...params }, { signal }),
    staleTime: 10 * 60_000,
  });
}

/** The judges of a court's trial teams, who may be assigned its cases or sit on a panel. */
export function useCourtJudges(courtId: number | undefined) {
  return useQuery({
    queryKey: caseKeys.judges(courtId ?? 0),
    queryFn: ({ signal }) => api.get<Paged<Team>>('/teams', { courtId, page: 1, pageSize: 200 }, { signal }),
    enabled: !!courtId,
    staleTime: 60_000,
    select: (page) => {
      const judges = new Map<number, { userId: number; name: string; teams: string[] }>();
      for (const team of page.items) {
        for (const m of team.members) {
          if (m.position !== 'judge') continue;
          const entry = judges.get(m.userId) ?? { userId: m.userId, name: m.displayName, teams: [] };
          entry.teams.push(`${team.departmentName} · ${team.name}`);
          judges.set(m.userId, entry);
        }
      }
      return [...judges.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
    },
  });
}

// ---- reading ----

export type CaseFilters = Partial<Omit<CaseQuery, 'cursor' | 'limit'>>;

/** A page of the case list; past 10,000 cases the total is the database planner's estimate. */
export interface CasePage extends KeysetPage<CaseSummary> {
  totalApproximate?: boolean;
}

/** The case list, one keyset page at a time. */
export function useCases(filters: CaseFilters, limit = 20) {
  return useInfiniteQuery({
    queryKey: [...caseKeys.list, filters, limit],
    queryFn: ({ pageParam, signal }) => api.get<CasePage>('/cases', { ...filters, cursor: pageParam, limit }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

export function useCase(id: number) {
  return useQuery({
    queryKey: caseKeys.detail(id),
    queryFn: ({ signal }) => api.get<CaseDetail>(`/cases/${id}`, undefined, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export const COUNTED_LEVELS: readonly Exclude<WarningLevel, 'none'>[] = ['overdue', '3', '7', '15', '30'];

/** How many of my open cases there are, in all and at each warning level (totals only). */
export function useMyCaseCounts(enabled: boolean) {
  const levels: (WarningLevel | undefined)[] = [undefined, ...COUNTED_LEVELS];
  return useQueries({
    queries: levels.map((warningLevel) => ({
      queryKey: [...caseKeys.counts, warningLevel ?? 'all'],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api.get<KeysetPage<CaseSummary>>('/cases', { mine: 'true', status: 'open', warningLevel, limit: 1 }, { signal }),
      enabled,
    })),
    combine: (results) => ({
      isPending: results.some((r) => r.isPending),
      error: results.find((r) => r.error)?.error ?? null,
      total: results[0]?.data?.total,
      byLevel: Object.fromEntries(COUNTED_LEVELS.map((level, i) => [level, results[i + 1]?.data?.total])) as Record<
        (typeof COUNTED_LEVELS)[number],
        number | undefined
      >,
    }),
  });
}

// ---- changes ----

/** After a change the detail is the server's answer; lists, counts and the trail are out of date. */
function afterChange(queryClient: QueryClient, detail?: CaseDetail) {
  if (detail) queryClient.setQueryData(caseKeys.detail(detail.id), detail);
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: caseKeys.list }),
    queryClient.invalidateQueries({ queryKey: caseKeys.counts }),
    queryClient.invalidateQueries({ queryKey: auditKey }),
  ]);
}

/** Refetches the case after a refused write, so a stale version or state is replaced. */
function reloadCase(queryClient: QueryClient, id: number) {
  return queryClient.invalidateQueries({ queryKey: caseKeys.detail(id) });
}

export function useFileCase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FileCaseRequest) => api.post<CaseDetail>('/cases', body),
    onSuccess: (detail) => afterChange(queryClient, detail),
  });
}

function useCaseMutation<V extends { id: number }>(request: (vars: V) => Promise<CaseDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (detail) => afterChange(queryClient, detail),
    onError: (_error, vars) => reloadCase(queryClient, vars.id),
  });
}

export function useAssignCase() {
  return useCaseMutation(({ id, ...body }: AssignCaseRequest & { id: number }) => api.post<CaseDetail>(`/cases/${id}/assign`, body));
}

export function useCompleteNode() {
  return useCaseMutation(({ id, node, ...body }: { id: number; node: CaseNode; note: string; version: number }) =>
    api.post<CaseDetail>(`/cases/${id}/nodes/${node}/complete`, body),
  );
}

export function useSetPanel() {
  return useCaseMutation(
    ({ id, ...body }: { id: number; collegial: boolean; memberIds: number[]; presidingJudgeId: number; version: number }) =>
      api.put<CaseDetail>(`/cases/${id}/panel`, body),
  );
}

export function useCloseCase() {
  return useCaseMutation(({ id, ...body }: CloseCaseRequest & { id: number }) => api.post<CaseDetail>(`/cases/${id}/close`, body));
}

export function useArchiveCase() {
  return useCaseMutation(({ id, ...body }: { id: number; archivedOn: string; version: number }) =>
    api.post<CaseDetail>(`/cases/${id}/archive`, body),
  );
}

export interface CaseExportStatus {
  id: string;
  status: 'running' | 'done' | 'failed';
  total: number;
  done: number;
  fileName: string;
  error: string | null;
}

export function useStartCaseExport() {
  return useMutation({
    mutationFn: (body: CaseFilters & { lang: 'zh-CN' | 'en' }) => api.post<CaseExportStatus>('/cases/exports', body),
  });
}

/** Polls an export's progress every second until it is done or failed. */
export function useCaseExport(id: string | null) {
  return useQuery({
    queryKey: [...casesKey, 'export', id],
    queryFn: () => api.get<CaseExportStatus>(`/case-exports/${id}`),
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data?.status === 'running' || !q.state.data ? 1000 : false),
  });
}

export function caseExportFileUrl(id: string): string {
  return `/api/case-exports/${id}/file`;
}
