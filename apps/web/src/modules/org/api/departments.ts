import type { Department, DepartmentKind } from '@courtassist/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/client';
import type { Paged } from '../../../shared/api/types';
import { invalidateAfterChange, orgKeys } from './keys';

export interface DepartmentQuery {
  courtId?: number;
  page: number;
  pageSize: number;
}

export function useDepartments(params: DepartmentQuery, enabled = true) {
  return useQuery({
    queryKey: [...orgKeys.departments, params],
    queryFn: ({ signal }) => api.get<Paged<Department>>('/departments', { ...params }, { signal }),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export interface CreateDepartment {
  courtId: number;
  name: string;
  kind: DepartmentKind;
}

export interface UpdateDepartment {
  id: number;
  name?: string;
  kind?: DepartmentKind;
  active?: boolean;
  version: number;
}

export function useCreateDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDepartment) => api.post<Department>('/departments', body),
    onSuccess: () => invalidateAfterChange(queryClient, orgKeys.departments),
  });
}

export function useUpdateDepartment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateDepartment) => api.patch<Department>(`/departments/${id}`, body),
    onSettled: () => invalidateAfterChange(queryClient, orgKeys.departments, orgKeys.teams, orgKeys.users),
  });
}
