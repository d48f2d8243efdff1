import type { Permission } from '@courtassist/contracts';
import type { ReactNode } from 'react';
import { useCan } from '../../modules/auth';
import { ForbiddenPage } from './ForbiddenPage';

/** Route guard: the page for users holding the permission (or any of several), the 403 page for everyone else. */
export function RequirePermission({ permission, children }: { permission: Permission | readonly Permission[]; children: ReactNode }) {
  const can = useCan();
  const allowed = typeof permission === 'string' ? can(permission) : permission.some(can);
  return allowed ? children : <ForbiddenPage />;
}
