import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANG, LANGS, type Lang, toLang } from '../../shared/lib/lang';
import { en } from './en';
import { zhCN } from './zh-CN';

export const LANG_STORAGE_KEY = 'ca.lang';

function storedLang(): Lang {
  try {
    const stored = localStorage.getItem(LANG_STORAGE_KEY);
    return stored ? toLang(stored) : DEFAULT_LANG;
  } catch {
    return DEFAULT_LANG;
  }
}

/** Keeps dayjs, the document language and the title in step with the interface language. */
function applyLang(lang: Lang): void {
  dayjs.locale(lang === 'en' ? 'en' : 'zh-cn');
  document.documentElement.lang = lang;
  document.title = i18n.t('app.name');
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: storedLang(),
  fallbackLng: DEFAULT_LANG,
  supportedLngs: [...LANGS],
  load: 'currentOnly',
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

i18n.on('languageChanged', (lng) => {
  const lang = toLang(lng);
  try {
    localStorage.setItem(LANG_STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts for this page only
  }
  applyLang(lang);
});

applyLang(toLang(i18n.language));

export { i18n };
