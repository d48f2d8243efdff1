import type { Courtroom, HearingDetail, HearingView } from '@courtassist/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';

export const hearingsKey = ['hearings'] as const;

interface Page<T> {
  items: T[];
  total: number;
}

/** The rooms in use of a court and of its people's tribunals. */
export function useCourtrooms(courtId: number | undefined) {
  return useQuery({
    queryKey: [...hearingsKey, 'rooms', courtId],
    enabled: courtId !== undefined,
    queryFn: ({ signal }) =>
      api.get<Page<Courtroom>>('/courtrooms', { courtId, withTribunals: true, active: true, pageSize: 200 }, { signal }),
  });
}

/** A court's hearings (not cancelled) between two CST dates, both included. */
export function useHearings(courtId: number | undefined, from: string, to: string) {
  return useQuery({
    queryKey: [...hearingsKey, 'list', courtId, from, to],
    enabled: courtId !== undefined,
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) => api.get<Page<HearingView>>('/hearings', { courtId, from, to, limit: 1000 }, { signal }),
  });
}

export function useHearing(id: number | null) {
  return useQuery({
    queryKey: [...hearingsKey, 'detail', id],
    enabled: id !== null,
    queryFn: ({ signal }) => api.get<HearingDetail>(`/hearings/${id}`, undefined, { signal }),
  });
}

/** Where the summons of a party downloads from (a plain GET: the session cookie is enough). */
export function summonsUrl(hearingId: number, partyId: number): string {
  return `/api/hearings/${hearingId}/summons/${partyId}.docx`;
}
