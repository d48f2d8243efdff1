import type {
  AssessmentItemView,
  AssessmentRunView,
  AssessmentView,
  NetworkDashboard,
  NetworkRulesView,
  RateAssistantRequest,
  RatingView,
  RecordItemRequest,
  RunAssessmentResult,
  SaveNetworkRulesRequest,
  StatementCheck,
  StatementPage,
  StatementView,
  SubsidyStatus,
} from '@courtassist/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, buildQuery } from '../../../shared/api/client';
import type { Paged } from '../../../shared/api/types';

/** Every query of the assessment, subsidies and dashboard pages lives under this key. */
export const assessmentKey = ['network', 'assessment'] as const;

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: assessmentKey });
}

/** The month before the current one, `YYYY-MM`: the month usually assessed. */
export function lastMonth(now: Date = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth() - 1, 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** `1,234.50` from fen, in integer arithmetic. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(abs % 100).padStart(2, '0')}`;
}

export function useRules(courtId: number | undefined) {
  return useQuery({
    queryKey: [...assessmentKey, 'rules', courtId],
    queryFn: ({ signal }) => api.get<NetworkRulesView>('/network/rules', { courtId }, { signal }),
    enabled: courtId !== undefined,
  });
}

export function useSaveRules() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: SaveNetworkRulesRequest) => api.put<NetworkRulesView>('/network/rules', body),
    onSettled: invalidate,
  });
}

export function useRuns(courtId: number | undefined, month: string) {
  return useQuery({
    queryKey: [...assessmentKey, 'runs', courtId, month],
    queryFn: ({ signal }) => api.get<Paged<AssessmentRunView>>('/network/assessment-runs', { courtId, month, pageSize: 200 }, { signal }),
    enabled: courtId !== undefined,
  });
}

export function useRunMonth() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: { courtId: number; month: string }) => api.post<RunAssessmentResult>('/network/assessment-runs', body),
    onSettled: invalidate,
  });
}

export function usePublishRun() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) =>
      api.post<AssessmentRunView>(`/network/assessment-runs/${id}/publish`, { version }),
    onSettled: invalidate,
  });
}

export interface AssessmentFilter {
  courtId?: number;
  month?: string;
  assistantId?: number;
  grade?: string;
  replacement?: 'true';
}

export function useAssessments(filter: AssessmentFilter, page: number, pageSize: number, enabled = true) {
  return useQuery({
    queryKey: [...assessmentKey, 'assessments', filter, page, pageSize],
    queryFn: ({ signal }) => api.get<Paged<AssessmentView>>('/network/assessments', { ...filter, page, pageSize }, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAnswerObjection() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, answer, version }: { id: number; answer: string; version: number }) =>
      api.post<AssessmentView>(`/network/objections/${id}/answer`, { answer, version }),
    onSettled: invalidate,
  });
}

export function useRatings(courtId: number | undefined, month: string) {
  return useQuery({
    queryKey: [...assessmentKey, 'ratings', courtId, month],
    queryFn: ({ signal }) => api.get<Paged<RatingView>>('/network/ratings', { courtId, month, pageSize: 200 }, { signal }),
    enabled: courtId !== undefined,
  });
}

export function useRate() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: RateAssistantRequest) => api.put<RatingView>('/network/ratings', body),
    onSettled: invalidate,
  });
}

export function useItems(courtId: number | undefined, month: string) {
  return useQuery({
    queryKey: [...assessmentKey, 'items', courtId, month],
    queryFn: ({ signal }) => api.get<Paged<AssessmentItemView>>('/network/assessment-items', { courtId, month, pageSize: 200 }, { signal }),
    enabled: courtId !== undefined,
  });
}

export function useRecordItem() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: RecordItemRequest) => api.post<AssessmentItemView>('/network/assessment-items', body),
    onSettled: invalidate,
  });
}

export function useRemoveItem() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (id: number) => api.delete<{ ok: true }>(`/network/assessment-items/${id}`),
    onSettled: invalidate,
  });
}

export interface StatementFilter {
  courtId?: number;
  month?: string;
  status?: SubsidyStatus;
  stationId?: number;
  assistantId?: number;
}

export function useStatements(filter: StatementFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...assessmentKey, 'statements', filter, page, pageSize],
    queryFn: ({ signal }) => api.get<StatementPage>('/network/subsidies', { ...filter, page, pageSize }, { signal }),
    enabled: filter.courtId !== undefined,
    placeholderData: keepPreviousData,
  });
}

export function useStatementStep() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, step, version, reason }: { id: number; step: 'submit' | 'approve' | 'return'; version: number; reason?: string }) =>
      api.post<StatementView>(`/network/subsidies/${id}/${step}`, step === 'return' ? { reason, version } : { version }),
    onSettled: invalidate,
  });
}

export function useStatementCheck(id: number | undefined) {
  return useQuery({
    queryKey: [...assessmentKey, 'check', id],
    queryFn: ({ signal }) => api.get<StatementCheck>(`/network/subsidies/${id}/check`, undefined, { signal }),
    enabled: id !== undefined,
  });
}

export function statementExportUrl(filter: StatementFilter): string {
  return `/api/network/subsidies/export${buildQuery({ courtId: filter.courtId, month: filter.month, status: filter.status })}`;
}

export function useDashboard(courtId: number | undefined, month: string) {
  return useQuery({
    queryKey: [...assessmentKey, 'dashboard', courtId, month],
    queryFn: ({ signal }) => api.get<NetworkDashboard>('/network/dashboard', { courtId, month }, { signal }),
    enabled: courtId !== undefined,
    placeholderData: keepPreviousData,
  });
}
