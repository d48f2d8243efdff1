import type { Workbench } from '@courtassist/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../shared/api/client';

export const workbenchKey = ['workbench'] as const;

export function useWorkbench() {
  return useQuery({
    queryKey: workbenchKey,
    queryFn: ({ signal }) => api.get<Workbench>('/workbench', undefined, { signal }),
  });
}
