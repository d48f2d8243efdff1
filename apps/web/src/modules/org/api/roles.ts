import type { Role } from '@courtassist/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/client';
import type { ListOf } from '../../../shared/api/types';
import { meKey } from '../../auth';
import { invalidateAfterChange, orgKeys } from './keys';

export interface PermissionInfo {
  code: string;
  zh: string;
  en: string;
}

export function useRoles(enabled = true) {
  return useQuery({
    queryKey: orgKeys.roles,
    queryFn: ({ signal }) => api.get<ListOf<Role>>('/roles', undefined, { signal }),
    staleTime: 60_000,
    enabled,
  });
}

/** The permission catalogue the server knows how to check. */
export function usePermissionCatalogue() {
  return useQuery({
    queryKey: orgKeys.permissions,
    queryFn: ({ signal }) => api.get<{ items: PermissionInfo[] }>('/permissions', undefined, { signal }),
    staleTime: 10 * 60_000,
  });
}

export interface CreateRole {
  code: string;
  nameZh: string;
  nameEn: string;
  permissions: string[];
}

export interface UpdateRole {
  id: number;
  nameZh?: string;
  nameEn?: string;
  permissions?: string[];
  version: number;
}

export function useCreateRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRole) => api.post<Role>('/roles', body),
    onSuccess: () => invalidateAfterChange(queryClient, orgKeys.roles),
  });
}

export function useUpdateRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateRole) => api.patch<Role>(`/roles/${id}`, body),
    onSettled: () => invalidateAfterChange(queryClient, orgKeys.roles, meKey),
  });
}
