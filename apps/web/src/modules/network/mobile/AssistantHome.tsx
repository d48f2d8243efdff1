import type { CurrentUser } from '@courtassist/contracts';
import type { ReactNode } from 'react';
import { Navigate } from 'react-router-dom';
import { useMe } from '../../auth';

/** A user whose only role is the grassroots assistant works on the phone page. */
export function isAssistantOnly(user: Pick<CurrentUser, 'roles'> | null | undefined): boolean {
  return !!user && user.roles.length > 0 && user.roles.every((r) => r.code === 'grassroots-assistant');
}

/** The start page: assistants go to 我的任务 (/m/tasks); everyone else sees `children` (the workbench). */
export function AssistantHome({ children }: { children: ReactNode }) {
  const me = useMe();
  return isAssistantOnly(me.data) ? <Navigate to="/m/tasks" replace /> : children;
}
