import type {
  CalendarDay,
  CalendarDayKind,
  CalendarImportInput,
  CalendarImportResult,
  CalendarYears,
  CalendarYearView,
} from '@courtassist/contracts';
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import { auditKey } from '../audit';

export const calendarKey = ['calendar'] as const;

export function useCalendarYear(year: number) {
  return useQuery({
    queryKey: [...calendarKey, 'year', year],
    queryFn: ({ signal }) => api.get<CalendarYearView>('/calendar', { year }, { signal }),
  });
}

export function useCalendarYears() {
  return useQuery({
    queryKey: [...calendarKey, 'years'],
    queryFn: ({ signal }) => api.get<CalendarYears>('/calendar/years', undefined, { signal }),
  });
}

/** After a change: the calendar and the audit trail are out of date. */
function invalidate(queryClient: QueryClient) {
  return Promise.all([queryClient.invalidateQueries({ queryKey: calendarKey }), queryClient.invalidateQueries({ queryKey: auditKey })]);
}

export interface PutDay {
  day: string;
  kind: CalendarDayKind;
  name: string;
  /** The version read; absent when the day is new. */
  version?: number;
}

export function usePutDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ day, ...body }: PutDay) => api.put<CalendarDay>(`/calendar/days/${day}`, body),
    onSettled: () => invalidate(queryClient),
  });
}

export function useDeleteDay() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ day, version }: { day: string; version: number }) =>
      api.delete<{ ok: true }>(`/calendar/days/${day}?version=${version}`),
    onSettled: () => invalidate(queryClient),
  });
}

export function useImportCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CalendarImportInput) => api.post<CalendarImportResult>('/calendar/import', body),
    onSuccess: () => invalidate(queryClient),
  });
}
