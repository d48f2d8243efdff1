import type { Permission } from '@courtassist/contracts';
import { useCallback } from 'react';
import { useMe } from './api';

/** Returns a check of the signed-in user's permissions. */
export function useCan(): (permission: Permission) => boolean {
  const { data: me } = useMe();
  return useCallback((permission: Permission) => !!me?.permissions.includes(permission), [me]);
}
