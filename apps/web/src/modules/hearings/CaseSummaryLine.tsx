import type { CaseDetail } from '@courtassist/contracts';
import { Descriptions } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** The case being scheduled and the people who must be free: its judge, its panel, its clerk. */
export function CaseSummaryLine({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const panel = detail.collegial ? detail.panel.map((m) => m.name).join(t('hearings.schedule.nameSeparator')) : '';
  return (
    <Descriptions size="small" column={2} style={{ marginBottom: 16 }} data-testid="schedule-case-summary">
      <Descriptions.Item label={t('hearings.caseNumber')}>
        <Link to={`/cases/${detail.id}`}>{detail.caseNumber}</Link>
      </Descriptions.Item>
      <Descriptions.Item label={t('hearings.parties')}>{detail.title}</Descriptions.Item>
      <Descriptions.Item label={t('hearings.schedule.judge')}>{detail.judgeName ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('hearings.schedule.caseClerk')}>{detail.clerkName ?? '—'}</Descriptions.Item>
      {panel && (
        <Descriptions.Item label={t('hearings.schedule.panel')} span={2}>
          {panel}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}
