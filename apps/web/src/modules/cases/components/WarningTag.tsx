import { WARNING_LEVELS, type WarningLevel } from '@courtassist/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { WARNING_COLORS } from './warningColors';

/** The trial-limit warning of a case: 30/15/7/3 days left, or overdue; nothing when there is none. */
export function WarningTag({ level, testId }: { level: string; testId?: string }) {
  const { t } = useTranslation();
  if (!(WARNING_LEVELS as readonly string[]).includes(level) || level === 'none') return null;
  const known = level as Exclude<WarningLevel, 'none'>;
  return (
    <Tag color={WARNING_COLORS[known]} data-testid={testId} style={{ marginInlineEnd: 0 }}>
      {known === 'overdue' ? t('cases.warning.overdue') : t('cases.warning.within', { count: Number(known) })}
    </Tag>
  );
}
