/** Only same-site paths are followed after sign-in (no `//host`, no loop back to the login page). */
export function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next === '/login' || next.startsWith('/login?')) return '/';
  return next;
}

export function loginPath(current: string): string {
  return current && current !== '/' ? `/login?next=${encodeURIComponent(current)}` : '/login';
}
