export { meKey, useLogout, useMe } from './api';
export { ChangePasswordModal } from './ChangePasswordModal';
export { useCan } from './permissions';
export { loginPath } from './safeNext';
