import type { AssessmentView, StatementView } from '@courtassist/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/client';
import type { Paged } from '../../../shared/api/types';

/** The assistant's own assessments and statements (published months only; the API keeps the scope). */
export const myAssessmentKey = ['my-network-assessment'] as const;

const PAGE_SIZE = 10;

/** The next page number while fewer than `total` have been loaded. */
function nextPage(last: Paged<unknown>, pages: Paged<unknown>[]): number | undefined {
  const loaded = pages.reduce((n, p) => n + p.items.length, 0);
  return loaded < last.total && last.items.length > 0 ? last.page + 1 : undefined;
}

export function useMyAssessments() {
  return useInfiniteQuery({
    queryKey: [...myAssessmentKey, 'assessments'],
    queryFn: ({ pageParam, signal }) =>
      api.get<Paged<AssessmentView>>('/network/my/assessments', { page: pageParam, pageSize: PAGE_SIZE }, { signal }),
    initialPageParam: 1,
    getNextPageParam: nextPage,
    // A phone on a poor connection keeps what it had.
    networkMode: 'offlineFirst',
    staleTime: 60_000,
  });
}

export function useMyAssessment(id: number) {
  return useQuery({
    queryKey: [...myAssessmentKey, 'assessment', id],
    queryFn: ({ signal }) => api.get<AssessmentView>(`/network/my/assessments/${id}`, undefined, { signal }),
    networkMode: 'offlineFirst',
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useRaiseObjection(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => api.post<AssessmentView>(`/network/my/assessments/${id}/objections`, { reason }),
    onSuccess: (view) => queryClient.setQueryData([...myAssessmentKey, 'assessment', id], view),
    onSettled: () => queryClient.invalidateQueries({ queryKey: myAssessmentKey }),
  });
}

export function useMyStatements() {
  return useInfiniteQuery({
    queryKey: [...myAssessmentKey, 'statements'],
    queryFn: ({ pageParam, signal }) =>
      api.get<Paged<StatementView>>('/network/my/subsidies', { page: pageParam, pageSize: PAGE_SIZE }, { signal }),
    initialPageParam: 1,
    getNextPageParam: nextPage,
    networkMode: 'offlineFirst',
    staleTime: 60_000,
  });
}

export function useMyStatement(id: number) {
  return useQuery({
    queryKey: [...myAssessmentKey, 'statement', id],
    queryFn: ({ signal }) => api.get<StatementView>(`/network/my/subsidies/${id}`, undefined, { signal }),
    networkMode: 'offlineFirst',
    enabled: Number.isInteger(id) && id > 0,
  });
}
