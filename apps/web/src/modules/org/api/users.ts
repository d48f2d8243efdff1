import type { CreateUserRequest, PutSpecialisationsRequest, SpecialisationsView, UpdateUserRequest, User } from '@courtassist/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/client';
import type { Paged } from '../../../shared/api/types';
import { meKey } from '../../auth';
import { invalidateAfterChange, orgKeys } from './keys';

export type UserSortField = 'id' | 'username' | 'displayName';

export interface UserListQuery {
  courtId?: number;
  departmentId?: number;
  role?: string;
  status?: User['status'];
  q?: string;
  sort?: UserSortField;
  order?: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

export function useUsers(params: UserListQuery, enabled = true) {
  return useQuery({
    queryKey: [...orgKeys.users, params],
    queryFn: ({ signal }) => api.get<Paged<User>>('/users', { ...params }, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

const touched = [orgKeys.users, orgKeys.roles, orgKeys.teams, meKey];

export function useCreateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserRequest) => api.post<User>('/users', body),
    onSuccess: () => invalidateAfterChange(queryClient, ...touched),
  });
}

export function useUpdateUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateUserRequest & { id: number }) => api.patch<User>(`/users/${id}`, body),
    onSettled: () => invalidateAfterChange(queryClient, ...touched),
  });
}

export function useResetPassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, newPassword }: { id: number; newPassword: string }) =>
      api.post<{ ok: true }>(`/users/${id}/reset-password`, { newPassword }),
    onSuccess: () => invalidateAfterChange(queryClient, orgKeys.users),
  });
}

export function useUnlockUser() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<User>(`/users/${id}/unlock`),
    onSuccess: () => invalidateAfterChange(queryClient, orgKeys.users),
  });
}

// ---- specialisations (审判专长): whom the automatic draw considers for which cases ----

const specialisationsKey = (id: number) => [...orgKeys.users, id, 'specialisations'] as const;

export function useSpecialisations(id: number | null) {
  return useQuery({
    queryKey: specialisationsKey(id ?? 0),
    queryFn: ({ signal }) => api.get<SpecialisationsView>(`/users/${id}/specialisations`, undefined, { signal }),
    enabled: id !== null,
  });
}

export function useSetSpecialisations(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PutSpecialisationsRequest) => api.put<SpecialisationsView>(`/users/${id}/specialisations`, body),
    onSuccess: (saved) => queryClient.setQueryData(specialisationsKey(id), saved),
    // A stale revision (409): read the list again so the form shows what is stored now.
    onError: () => queryClient.invalidateQueries({ queryKey: specialisationsKey(id) }),
  });
}
