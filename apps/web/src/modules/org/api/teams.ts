import type { Team, TeamPosition, TeamTemplate } from '@courtassist/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/client';
import type { Paged } from '../../../shared/api/types';
import { invalidateAfterChange, orgKeys } from './keys';

export interface TeamQuery {
  courtId?: number;
  departmentId?: number;
  page: number;
  pageSize: number;
}

export function useTeams(params: TeamQuery) {
  return useQuery({
    queryKey: [...orgKeys.teams, params],
    queryFn: ({ signal }) => api.get<Paged<Team>>('/teams', { ...params }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export interface CreateTeam {
  departmentId: number;
  name: string;
  template: TeamTemplate;
}

export interface UpdateTeam {
  id: number;
  name?: string;
  template?: TeamTemplate;
  version: number;
}

export interface SetTeamMembers {
  id: number;
  members: { userId: number; position: TeamPosition }[];
  version: number;
}

export function useCreateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateTeam) => api.post<Team>('/teams', body),
    onSuccess: () => invalidateAfterChange(queryClient, orgKeys.teams),
  });
}

export function useUpdateTeam() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateTeam) => api.patch<Team>(`/teams/${id}`, body),
    onSettled: () => invalidateAfterChange(queryClient, orgKeys.teams),
  });
}

export function useSetTeamMembers() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: SetTeamMembers) => api.put<Team>(`/teams/${id}/members`, body),
    onSettled: () => invalidateAfterChange(queryClient, orgKeys.teams),
  });
}
