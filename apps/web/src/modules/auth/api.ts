import type { ChangePasswordRequest, CurrentUser, LoginRequest, LoginResponse } from '@courtassist/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, rememberCsrfToken } from '../../shared/api/client';

export const meKey = ['auth', 'me'] as const;

/** The signed-in user, or null when there is no session. */
export async function fetchMe(): Promise<CurrentUser | null> {
  try {
    return await api.get<CurrentUser>('/auth/me', undefined, { skipAuthRedirect: true });
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => api.post<LoginResponse>('/auth/login', body, { skipAuthRedirect: true }),
    onSuccess: (result) => {
      rememberCsrfToken(result.csrfToken);
      queryClient.removeQueries();
      queryClient.setQueryData(meKey, result.user);
    },
  });
}

/** Ends the session on the server; the caller leaves the signed-in pages (see useLogoutAndLeave). */
export function useLogout() {
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>('/auth/logout', undefined, { skipAuthRedirect: true }),
    onSettled: () => rememberCsrfToken(null),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordRequest) => api.post<{ ok: true }>('/auth/password', body),
    // Everything may have been refused before a required change (PASSWORD_CHANGE_REQUIRED): reload all.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
