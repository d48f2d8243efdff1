import type { HearingView, Workbench } from '@courtassist/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';

export const workbenchKey = ['workbench'] as const;

export function useWorkbench() {
  return useQuery({
    queryKey: workbenchKey,
    queryFn: ({ signal }) => api.get<Workbench>('/workbench', undefined, { signal }),
  });
}

const DAY_MS = 86_400_000;

/** This week, Monday to Sunday, as China Standard Time dates (hearings are held in court time). */
export function thisWeekInChina(now: number = Date.now()): { from: string; to: string } {
  const today = new Date(now + 8 * 3_600_000);
  const monday = today.getTime() - ((today.getUTCDay() + 6) % 7) * DAY_MS;
  const date = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { from: date(monday), to: date(monday + 6 * DAY_MS) };
}

/** The hearings of this week where I sit as judge or panel member or record as clerk (not cancelled). */
export function useMyWeekHearings(userId: number | undefined, enabled: boolean) {
  const { from, to } = thisWeekInChina();
  return useQuery({
    queryKey: [...workbenchKey, 'hearings', userId, from],
    queryFn: ({ signal }) =>
      api.get<{ items: HearingView[]; total: number }>('/hearings', { judgeId: userId, from, to, limit: 50 }, { signal }),
    enabled: enabled && userId !== undefined,
  });
}

/** How many orders addressed to me are overdue (the workbench lists only the ten most urgent). */
export function useMyOverdueOrders(enabled: boolean) {
  return useQuery({
    queryKey: [...workbenchKey, 'overdue-orders'],
    queryFn: ({ signal }) =>
      api.get<{ total: number }>('/supervision-orders', { role: 'received', status: 'overdue', limit: 1 }, { signal }),
    enabled,
    select: (page) => page.total,
  });
}
