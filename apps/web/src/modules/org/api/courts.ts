import type { Court, CreateCourtRequest, UpdateCourtRequest } from '@courtassist/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/client';
import type { ListOf } from '../../../shared/api/types';
import { invalidateAfterChange, orgKeys } from './keys';

/** Every court in the user's scope, flat; the tree is built from `parentId`. */
export function useCourts() {
  return useQuery({
    queryKey: orgKeys.courts,
    queryFn: ({ signal }) => api.get<ListOf<Court>>('/courts', undefined, { signal }),
    staleTime: 60_000,
  });
}

export function useCreateCourt() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateCourtRequest) => api.post<Court>('/courts', body),
    onSuccess: () => invalidateAfterChange(queryClient, orgKeys.courts),
  });
}

export function useUpdateCourt() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateCourtRequest & { id: number }) => api.patch<Court>(`/courts/${id}`, body),
    onSettled: () => invalidateAfterChange(queryClient, orgKeys.courts, orgKeys.departments, orgKeys.teams, orgKeys.users),
  });
}
