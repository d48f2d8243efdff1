import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Lang, useLang } from '../lib/lang';

/** 中文 / English switch; the choice is persisted by the i18n setup. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  return (
    <Segmented<Lang>
      aria-label={t('common.language')}
      value={lang}
      onChange={(value) => void i18n.changeLanguage(value)}
      options={[
        { value: 'zh-CN', label: <span data-testid="lang-zh">中文</span> },
        { value: 'en', label: <span data-testid="lang-en">English</span> },
      ]}
    />
  );
}
