import { App, Form, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProblemHandler } from '../../shared/api/useProblemHandler';
import { useHandOver } from './api';
import { MemberSelect } from './MemberSelect';

export interface HandOverFrom {
  userId: number;
  name: string;
  load: number;
}

/** 交接: everything one member holds in the team goes to another (when someone is absent). */
export function HandOverModal({ teamId, from, onClose }: { teamId: number; from: HandOverFrom | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ toUserId: number }>();
  const handOver = useHandOver();
  const onError = useProblemHandler();
  const submit = ({ toUserId }: { toUserId: number }) => {
    if (!from) return;
    handOver.mutate(
      { teamId, fromUserId: from.userId, toUserId },
      {
        onSuccess: ({ moved }) => {
          message.success(t('workOrders.board.handOverDone', { count: moved }));
          onClose();
        },
        onError: (error) => onError(error, form),
      },
    );
  };
  return (
    <Modal
      open={!!from}
      title={from ? t('workOrders.board.handOverTitle', { name: from.name }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('workOrders.board.handOver')}
      okButtonProps={{ 'data-testid': 'hand-over-submit' }}
      confirmLoading={handOver.isPending}
      destroyOnHidden
    >
      {from && (
        <Typography.Paragraph type="secondary">
          {t('workOrders.board.handOverHint', { name: from.name, count: from.load })}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          name="toUserId"
          label={t('workOrders.board.handOverTo')}
          rules={[{ required: true, message: t('workOrders.board.handOverToRequired') }]}
        >
          <MemberSelect teamId={teamId} exclude={from?.userId} testId="hand-over-to" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
