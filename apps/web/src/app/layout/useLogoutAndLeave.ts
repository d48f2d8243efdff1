import { useLogout } from '../../modules/auth';

/**
 * Ends the session and loads the login page afresh (without a `next`: another user may sign in),
 * which also drops everything the previous user had in memory.
 */
export function useLogoutAndLeave(): () => void {
  const logout = useLogout();
  return () => logout.mutate(undefined, { onSettled: () => window.location.replace('/login') });
}
