import type { TFunction } from 'i18next';

type LooseT = (key: string, options?: { defaultValue?: string }) => string;

/**
 * Translates a key assembled at run time (an audit action, an entity type), falling back to the
 * given text when the catalogue has no entry for it.
 */
export function translateOptional(t: TFunction, key: string, fallback: string): string {
  return (t as unknown as LooseT)(key, { defaultValue: fallback });
}
