import type { LimitChangeView } from '@courtassist/contracts';
import { Button, Flex, List, Popconfirm, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoment } from '../../../shared/lib/format';
import { DecisionTimeline } from './DecisionTimeline';
import { LimitKindTag, LimitStatusTag } from './LimitChangeTags';
import { useLimitLabels } from './labels';

interface LimitChangeItemProps {
  change: LimitChangeView;
  onDecide?: () => void;
  onWithdraw?: () => void;
  onResume?: () => void;
  withdrawing?: boolean;
}

/** One change on the case page: what, why, who asked when, each decision, and the actions open to the user. */
export function LimitChangeItem({ change, onDecide, onWithdraw, onResume, withdrawing }: LimitChangeItemProps) {
  const { t } = useTranslation();
  const labels = useLimitLabels();
  const actions: ReactNode[] = [];
  if (onDecide) {
    actions.push(
      <Button key="decide" type="primary" size="small" onClick={onDecide} data-testid="limit-change-decide">
        {t('limits.card.decide')}
      </Button>,
    );
  }
  if (onResume) {
    actions.push(
      <Button key="resume" size="small" onClick={onResume} data-testid="limit-change-resume">
        {t('limits.card.resume')}
      </Button>,
    );
  }
  if (onWithdraw) {
    actions.push(
      <Popconfirm key="withdraw" title={t('limits.card.withdrawConfirm')} onConfirm={onWithdraw}>
        <Button size="small" danger loading={withdrawing} data-testid="limit-change-withdraw">
          {t('limits.card.withdraw')}
        </Button>
      </Popconfirm>,
    );
  }

  return (
    <List.Item data-testid="limit-change" data-id={change.id} style={{ display: 'block' }}>
      <Flex justify="space-between" align="center" gap={8}>
        <Flex gap={4} align="center" wrap>
          <LimitKindTag kind={change.kind} />
          <Typography.Text strong data-testid="limit-change-length">
            {labels.length(change)}
          </Typography.Text>
        </Flex>
        <LimitStatusTag status={change.status} />
      </Flex>
      {change.allowed.includes('resume') && (
        <Typography.Text type="warning" style={{ display: 'block', marginTop: 4 }}>
          {t('limits.card.running')}
        </Typography.Text>
      )}
      <Typography.Paragraph ellipsis={{ rows: 2, expandable: true, symbol: t('common.more') }} style={{ margin: '6px 0 2px' }}>
        {change.reason}
      </Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('limits.card.requestedBy', { name: change.requestedByName, at: formatMoment(change.requestedAt) })}
      </Typography.Text>
      <DecisionTimeline decisions={change.decisions} />
      {actions.length > 0 && (
        <Flex gap={8} wrap style={{ marginTop: change.decisions.length > 0 ? 8 : 10 }}>
          {actions}
        </Flex>
      )}
    </List.Item>
  );
}
