import type { SupervisionOrderView } from '@courtassist/contracts';
import { App, Button, Popconfirm, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSaveErrorHandler } from '../../../shared/api/useProblemHandler';
import { useCan, useMe } from '../../auth';
import { useCloseSupervision } from './api';

interface OrderActionsProps {
  order: SupervisionOrderView;
  onRespond: (order: SupervisionOrderView) => void;
}

/** 回复 for the recipient of an open order; 办结 for its issuer or another supervisor. */
export function OrderActions({ order, onRespond }: OrderActionsProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const can = useCan();
  const close = useCloseSupervision();
  const onSaveError = useSaveErrorHandler();
  const myId = me.data?.id;
  const mayRespond = order.allowed.includes('respond') && order.recipientId === myId;
  const mayClose = order.allowed.includes('close') && (order.issuedBy === myId || can('supervision.issue'));
  if (!mayRespond && !mayClose) return null;

  return (
    <Space size={4} wrap>
      {mayRespond && (
        <Button size="small" type="primary" onClick={() => onRespond(order)} data-testid="order-respond">
          {t('supervision.respond.action')}
        </Button>
      )}
      {mayClose && (
        <Popconfirm
          title={order.status === 'open' ? t('supervision.close.confirmOpen') : t('supervision.close.confirm')}
          okButtonProps={{ loading: close.isPending, 'data-testid': 'order-close-confirm' }}
          onConfirm={() =>
            close.mutateAsync({ id: order.id, version: order.version }).then(
              () => void message.success(t('supervision.close.done')),
              (error: unknown) => void onSaveError(error),
            )
          }
        >
          <Button size="small" data-testid="order-close">
            {t('supervision.close.action')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
