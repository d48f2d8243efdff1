import type { WorkOrderView } from '@courtassist/contracts';
import { OPEN_WORK_ORDER_STATUSES } from '@courtassist/contracts';
import { Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { timeLeft } from './labels';

const OPEN = new Set<string>(OPEN_WORK_ORDER_STATUSES);

/** The due time; for an open order also the time left, or how long it is overdue (red). */
export function DueTime({ order, inline = false }: { order: Pick<WorkOrderView, 'dueAt' | 'status' | 'overdue'>; inline?: boolean }) {
  const { t } = useTranslation();
  const open = OPEN.has(order.status);
  const left = timeLeft(t, order.dueAt);
  const danger = open && (order.overdue || left.overdue);
  return (
    <span data-testid="order-due" data-overdue={danger ? 'true' : 'false'}>
      <Typography.Text type={danger ? 'danger' : undefined} strong={danger}>
        {dayjs(order.dueAt).format('YYYY-MM-DD HH:mm')}
      </Typography.Text>
      {open && (
        <Typography.Text
          type={danger ? 'danger' : 'secondary'}
          style={inline ? { marginInlineStart: 8, fontSize: 12 } : { display: 'block', fontSize: 12 }}
        >
          {left.text}
        </Typography.Text>
      )}
    </span>
  );
}
