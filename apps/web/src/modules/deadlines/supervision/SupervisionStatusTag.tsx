import type { SupervisionOrderView } from '@courtassist/contracts';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

const COLORS = { open: 'processing', responded: 'cyan', closed: 'default' } as const;

/** 待回复 / 已回复 / 已办结; an open order past its due date is 已逾期, in red. */
export function SupervisionStatusTag({ order }: { order: Pick<SupervisionOrderView, 'status' | 'overdue'> }) {
  const { t } = useTranslation();
  if (order.overdue) {
    return (
      <Tag color="red" data-testid="supervision-status" data-status="overdue">
        {t('supervision.status.overdue')}
      </Tag>
    );
  }
  return (
    <Tag color={COLORS[order.status]} data-testid="supervision-status" data-status={order.status}>
      {t(`supervision.status.${order.status}`)}
    </Tag>
  );
}
