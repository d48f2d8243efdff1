import { PERMISSIONS } from '@courtassist/contracts';
import { useMemo } from 'react';
import { useLang } from '../../../shared/lib/lang';
import { usePermissionCatalogue } from '../api/roles';

export interface PermissionOption {
  code: string;
  label: string;
}

/** The permissions the server knows (the shared catalogue until the list has loaded), labelled in the current language. */
export function usePermissionOptions(): PermissionOption[] {
  const lang = useLang();
  const catalogue = usePermissionCatalogue();
  return useMemo(() => {
    const items = catalogue.data?.items ?? Object.entries(PERMISSIONS).map(([code, text]) => ({ code, ...text }));
    return items.map((p) => ({ code: p.code, label: lang === 'en' ? p.en : p.zh }));
  }, [catalogue.data, lang]);
}
