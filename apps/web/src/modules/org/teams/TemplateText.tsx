import type { TeamTemplate } from '@courtassist/contracts';
import { Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';

/** A team template as "1+1+1" (judges + assistants + clerks). */
export function TemplateText({ template }: { template: TeamTemplate }) {
  const { t } = useTranslation();
  return (
    <Tooltip title={t('org.team.templateDetail', template)}>
      <span>{`${template.judge}+${template.assistant}+${template.clerk}`}</span>
    </Tooltip>
  );
}
