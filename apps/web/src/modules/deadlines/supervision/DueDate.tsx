import type { SupervisionOrderView } from '@courtassist/contracts';
import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { daysFromToday } from './dates';

/** The due date, and for an open order how many days are left or how many it is overdue (red). */
export function DueDate({ order }: { order: Pick<SupervisionOrderView, 'dueOn' | 'status' | 'overdue'> }) {
  const { t } = useTranslation();
  if (order.status !== 'open') return <span>{order.dueOn}</span>;
  const days = daysFromToday(order.dueOn);
  const note =
    days < 0
      ? t('supervision.list.overdueDays', { count: -days })
      : days === 0
        ? t('supervision.list.dueToday')
        : t('supervision.list.daysLeft', { count: days });
  return (
    <span>
      <Typography.Text type={order.overdue ? 'danger' : undefined} strong={order.overdue}>
        {order.dueOn}
      </Typography.Text>
      <Typography.Text type={order.overdue ? 'danger' : 'secondary'} style={{ display: 'block', fontSize: 12 }}>
        {note}
      </Typography.Text>
    </span>
  );
}
