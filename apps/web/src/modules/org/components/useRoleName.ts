import { BUILTIN_ROLES, type BuiltinRole } from '@courtassist/contracts';
import { useCallback, useMemo } from 'react';
import { useLang } from '../../../shared/lib/lang';
import { useRoles } from '../api/roles';

/** Maps a role code to its name in the current language (role list first, built-ins as fallback). */
export function useRoleName(enabled = true): (code: string) => string {
  const lang = useLang();
  const roles = useRoles(enabled);
  const byCode = useMemo(() => new Map((roles.data?.items ?? []).map((r) => [r.code, r])), [roles.data]);
  return useCallback(
    (code: string) => {
      const role = byCode.get(code);
      if (role) return lang === 'en' ? role.nameEn : role.nameZh;
      if (Object.hasOwn(BUILTIN_ROLES, code)) return BUILTIN_ROLES[code as BuiltinRole][lang === 'en' ? 'en' : 'zh'];
      return code;
    },
    [byCode, lang],
  );
}
