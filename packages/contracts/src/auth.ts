import { z } from 'zod';
import { PERMISSION_CODES } from './permissions.js';

export const PASSWORD_RULE = /^(?=.*[A-Za-z])(?=.*\d).{8,128}$/;
export const MAX_FAILED_LOGINS = 5;
export const LOCKOUT_MINUTES = 15;

export const loginRequest = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
});
export type LoginRequest = z.infer<typeof loginRequest>;

export const changePasswordRequest = z.strictObject({
  currentPassword: z.string().min(1).max(128),
  newPassword: z.string().min(1).max(128),
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequest>;

export const currentUser = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  court: z.object({ id: z.number().int(), name: z.string(), level: z.string(), code: z.string() }),
  department: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  roles: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })),
  permissions: z.array(z.enum(PERMISSION_CODES as [string, ...string[]])),
  mustChangePassword: z.boolean(),
});
export type CurrentUser = z.infer<typeof currentUser>;

export const loginResponse = z.object({ user: currentUser, csrfToken: z.string() });
export type LoginResponse = z.infer<typeof loginResponse>;

export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_COOKIE = 'ca_csrf';
export const SESSION_COOKIE = 'ca_session';
