import type {
  CaseSummary,
  Courtroom,
  HearingDetail,
  HearingView,
  RescheduleHearingRequest,
  ScheduleHearingRequest,
  User,
} from '@courtassist/contracts';
import { keepPreviousData, type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type { KeysetPage, ListOf, Paged } from '../../shared/api/types';
import { auditKey } from '../audit';
import { casesKey } from '../cases';
import { workbenchKey } from '../workbench';

export const hearingsKey = ['hearings'] as const;

/** The rooms in use of a court and of its people's tribunals. */
export function useCourtrooms(courtId: number | undefined) {
  return useQuery({
    queryKey: [...hearingsKey, 'rooms', courtId],
    enabled: courtId !== undefined,
    queryFn: ({ signal }) =>
      api.get<Paged<Courtroom>>('/courtrooms', { courtId, withTribunals: true, active: true, pageSize: 200 }, { signal }),
  });
}

/** A court's hearings (not cancelled) between two CST dates, both included. */
export function useHearings(courtId: number | undefined, from: string, to: string) {
  return useQuery({
    queryKey: [...hearingsKey, 'list', courtId, from, to],
    enabled: courtId !== undefined,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<ListOf<HearingView>>('/hearings', { courtId, from, to, limit: 1000 }, { signal }),
  });
}

/** A case's hearings, cancelled ones included, between two CST dates (the API allows a window of a few weeks). */
export function useCaseHearings(caseId: number, from: string, to: string) {
  return useQuery({
    queryKey: [...hearingsKey, 'case', caseId, from, to],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      api.get<ListOf<HearingView>>('/hearings', { caseId, from, to, includeCancelled: true, limit: 1000 }, { signal }),
  });
}

export function useHearing(id: number | null) {
  return useQuery({
    queryKey: [...hearingsKey, 'detail', id],
    enabled: id !== null,
    queryFn: ({ signal }) => api.get<HearingDetail>(`/hearings/${id}`, undefined, { signal }),
  });
}

/** Open cases whose number contains the text typed (e.g. 民初123), for choosing the case to schedule. */
export function useOpenCaseSearch(caseNumber: string) {
  return useQuery({
    queryKey: [...casesKey, 'hearing-pick', caseNumber],
    enabled: caseNumber.length > 0,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<KeysetPage<CaseSummary>>('/cases', { caseNumber, status: 'open', limit: 20 }, { signal }),
  });
}

/** Active clerks of a court, by name (the first 50 matches). */
export function useClerks(courtId: number | undefined, q: string, enabled: boolean) {
  return useQuery({
    queryKey: [...hearingsKey, 'clerks', courtId, q],
    enabled: enabled && courtId !== undefined,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      api.get<Paged<User>>('/users', { courtId, role: 'clerk', status: 'active', q, sort: 'displayName', pageSize: 50 }, { signal }),
  });
}

/** Where the summons of a party downloads from (a plain GET: the session cookie is enough). */
export function summonsUrl(hearingId: number, partyId: number): string {
  return `/api/hearings/${hearingId}/summons/${partyId}.docx`;
}

// ---- changes ----

/**
 * A booking changes the week grid, the case (its 排期/开庭 node moves on), the workbench's hearings
 * of the week and the trail. A refusal may come from stale data: the hearings reload then too.
 */
function afterChange(queryClient: QueryClient) {
  return Promise.all([hearingsKey, casesKey, workbenchKey, auditKey].map((queryKey) => queryClient.invalidateQueries({ queryKey })));
}

function useHearingMutation<V>(request: (vars: V) => Promise<HearingDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => afterChange(queryClient),
    onError: () => queryClient.invalidateQueries({ queryKey: hearingsKey }),
  });
}

export function useScheduleHearing() {
  return useHearingMutation((body: ScheduleHearingRequest) => api.post<HearingDetail>('/hearings', body));
}

export function useRescheduleHearing() {
  return useHearingMutation(({ id, body }: { id: number; body: RescheduleHearingRequest }) =>
    api.patch<HearingDetail>(`/hearings/${id}`, body),
  );
}

export function useCancelHearing() {
  return useHearingMutation(({ id, reason, version }: { id: number; reason: string; version: number }) =>
    api.post<HearingDetail>(`/hearings/${id}/cancel`, { reason, version }),
  );
}

export function useHoldHearing() {
  return useHearingMutation(({ id, note, version }: { id: number; note: string; version: number }) =>
    api.post<HearingDetail>(`/hearings/${id}/held`, { note, version }),
  );
}
