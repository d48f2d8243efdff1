import { ClockCircleOutlined } from '@ant-design/icons';
import type { CaseDetail } from '@courtassist/contracts';
import { Card, Empty, Flex, Steps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../shared/lib/lang';
import { WarningTag } from '../components/WarningTag';
import { bilingualPart, daysUntil } from '../labels';

/** 审限: the deadline and how it was computed, step by step (the rule applied and the date after it). */
export function TrialLimitCard({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const running = detail.status === 'open' || detail.status === 'pending-assignment';
  const days = detail.deadlineOn ? daysUntil(detail.deadlineOn) : null;

  return (
    <Card title={t('cases.limit.title')} style={{ marginBottom: 16 }} data-testid="trial-limit">
      {!detail.deadlineOn ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.limit.noLimit')} />
      ) : (
        <>
          <Flex align="baseline" gap={8} wrap style={{ marginBottom: 4 }}>
            <Typography.Text type="secondary">{t('cases.field.deadlineOn')}</Typography.Text>
            <Typography.Text
              strong
              style={{ fontSize: 22 }}
              type={running && days !== null && days < 0 ? 'danger' : undefined}
              data-testid="trial-limit-deadline"
            >
              {detail.deadlineOn}
            </Typography.Text>
            <WarningTag level={detail.warningLevel} />
            {detail.suspended && <Tag color="purple">{t('cases.limit.suspended')}</Tag>}
          </Flex>
          {running && days !== null && (
            <Typography.Text type={days < 0 ? 'danger' : 'secondary'} style={{ display: 'block', marginBottom: 16 }}>
              <ClockCircleOutlined style={{ marginInlineEnd: 6 }} />
              {days >= 0 ? t('cases.limit.daysLeft', { count: days }) : t('cases.limit.daysOver', { count: -days })}
            </Typography.Text>
          )}
          <Typography.Text type="secondary" style={{ display: 'block', margin: '8px 0 12px' }}>
            {t('cases.limit.explanation', { filedOn: detail.filedOn })}
          </Typography.Text>
          <Steps
            direction="vertical"
            size="small"
            current={detail.deadlineSteps.length - 1}
            status="finish"
            data-testid="trial-limit-steps"
            items={detail.deadlineSteps.map((step) => ({
              title: <span style={{ whiteSpace: 'normal' }}>{bilingualPart(step.rule, lang)}</span>,
              subTitle: step.date,
              description: step.detail ? bilingualPart(step.detail, lang) : undefined,
            }))}
          />
        </>
      )}
    </Card>
  );
}
