import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh-CN';

export function toLang(value: string | null | undefined): Lang {
  return value === 'en' || value?.startsWith('en-') ? 'en' : DEFAULT_LANG;
}

/** The current interface language. */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return toLang(i18n.resolvedLanguage ?? i18n.language);
}

export interface Bilingual {
  zh: string;
  en: string;
}

export function pickText(lang: Lang, text: Bilingual): string {
  return lang === 'en' ? text.en : text.zh;
}

/** Returns a function picking the Chinese or English text of a bilingual value. */
export function useBilingual(): (text: Bilingual) => string {
  const lang = useLang();
  return useCallback((text: Bilingual) => pickText(lang, text), [lang]);
}
