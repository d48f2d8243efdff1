import type { QueryClient } from '@tanstack/react-query';
import { auditKey } from '../../audit';
import { workbenchKey } from '../../workbench';

export const orgKeys = {
  courts: ['org', 'courts'] as const,
  departments: ['org', 'departments'] as const,
  teams: ['org', 'teams'] as const,
  users: ['org', 'users'] as const,
  roles: ['org', 'roles'] as const,
  permissions: ['org', 'permissions'] as const,
};

/** After a change: the lists it touches, the audit trail and the workbench are out of date. */
export function invalidateAfterChange(queryClient: QueryClient, ...keys: (readonly string[])[]): Promise<unknown> {
  return Promise.all([
    ...keys.map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    queryClient.invalidateQueries({ queryKey: auditKey }),
    queryClient.invalidateQueries({ queryKey: workbenchKey }),
  ]);
}
