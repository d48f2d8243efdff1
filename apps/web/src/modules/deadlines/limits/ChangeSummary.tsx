import type { LimitChangeView } from '@courtassist/contracts';
import { Descriptions, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoment } from '../../../shared/lib/format';
import { DecisionTimeline } from './DecisionTimeline';
import { LimitKindTag, LimitStatusTag } from './LimitChangeTags';
import { useLimitLabels } from './labels';

/** A change as the approver reads it before deciding: what, why, who asked, and the decisions so far. */
export function ChangeSummary({ change }: { change: LimitChangeView }) {
  const { t } = useTranslation();
  const labels = useLimitLabels();
  return (
    <>
      <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }} data-testid="limit-change-summary">
        <Descriptions.Item label={t('limits.field.change')}>
          <Flex gap={6} align="center" wrap>
            <LimitKindTag kind={change.kind} />
            <span>{labels.length(change)}</span>
          </Flex>
        </Descriptions.Item>
        <Descriptions.Item label={t('limits.field.reason')}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{change.reason}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('limits.field.requestedBy')}>
          {change.requestedByName} · {formatMoment(change.requestedAt)}
        </Descriptions.Item>
        <Descriptions.Item label={t('limits.field.status')}>
          <LimitStatusTag status={change.status} />
        </Descriptions.Item>
      </Descriptions>
      {change.decisions.length > 0 && (
        <div style={{ marginBottom: 8 }}>
          <DecisionTimeline decisions={change.decisions} />
        </div>
      )}
    </>
  );
}
