import type { Permission } from '@courtassist/contracts';
import type { ReactNode } from 'react';
import { useCan } from '../../modules/auth';
import { ForbiddenPage } from './ForbiddenPage';

/** Route guard: the page for users holding the permission, the 403 page for everyone else. */
export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const can = useCan();
  return can(permission) ? children : <ForbiddenPage />;
}
