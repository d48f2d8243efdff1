import type { CurrentUser } from '@courtassist/contracts';
import { type ReactNode, useEffect } from 'react';
import { FullPageSpin } from '../../../shared/components/FullPageSpin';
import { useMe } from '../../auth';

/** A user whose only role is the grassroots assistant works on the phone page. */
export function isAssistantOnly(user: Pick<CurrentUser, 'roles'> | null | undefined): boolean {
  return !!user && user.roles.length > 0 && user.roles.every((r) => r.code === 'grassroots-assistant');
}

/** The start page: assistants go to 我的任务 (/m/tasks); everyone else sees `children` (the workbench). */
export function AssistantHome({ children }: { children: ReactNode }) {
  const me = useMe();
  return isAssistantOnly(me.data) ? <OpenPhonePages /> : children;
}

/**
 * Opens /m/tasks as a new page rather than by the router: a service worker controls only pages
 * opened under its scope (/m/), so this is what lets the phone pages keep their data for offline use
 * from the first sign-in on.
 */
function OpenPhonePages() {
  useEffect(() => window.location.replace('/m/tasks'), []);
  return <FullPageSpin />;
}
