import type { SupervisionOrderView } from '@courtassist/contracts';
import { Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoment } from '../../../shared/lib/format';
import { DueDate } from './DueDate';
import { OrderActions } from './OrderActions';
import { SupervisionStatusTag } from './SupervisionStatusTag';

interface OrderItemProps {
  order: SupervisionOrderView;
  onRespond: (order: SupervisionOrderView) => void;
}

/** One order in a narrow column (the case page): who ordered whom, by when, what, and the answer. */
export function OrderItem({ order, onRespond }: OrderItemProps) {
  const { t } = useTranslation();
  return (
    <Flex
      vertical
      gap={6}
      data-testid="case-supervision-order"
      data-order-id={order.id}
      style={{
        padding: '10px 12px',
        borderRadius: 6,
        background: order.overdue ? '#fff1f0' : '#fafafa',
        border: `1px solid ${order.overdue ? '#ffccc7' : '#f0f0f0'}`,
      }}
    >
      <Flex justify="space-between" align="center" gap={8} wrap>
        <Flex gap={8} align="center" wrap>
          <SupervisionStatusTag order={order} />
          <Typography.Text type="secondary">
            {t('supervision.card.by', { issuer: order.issuedByName, recipient: order.recipientName })}
          </Typography.Text>
        </Flex>
        <OrderActions order={order} onRespond={onRespond} />
      </Flex>
      <Flex gap={6} align="baseline">
        <Typography.Text type="secondary" style={{ flex: 'none' }}>
          {t('supervision.field.dueOn')}
        </Typography.Text>
        <DueDate order={order} />
      </Flex>
      <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{order.text}</Typography.Paragraph>
      {order.response && (
        <div style={{ borderInlineStart: '3px solid #91caff', paddingInlineStart: 8 }}>
          <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }} data-testid="order-response">
            {order.response}
          </Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('supervision.field.respondedAt')} {formatMoment(order.respondedAt)}
          </Typography.Text>
        </div>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('supervision.field.createdAt')} {formatMoment(order.createdAt)}
      </Typography.Text>
    </Flex>
  );
}
