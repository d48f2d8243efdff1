import type { WorkOrderDetail } from '@courtassist/contracts';
import { Form, type FormInstance, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { MemberSelect } from './MemberSelect';

interface RedispatchModalProps {
  order: WorkOrderDetail;
  open: boolean;
  loading: boolean;
  onClose: () => void;
  onSubmit: (values: { assigneeId: number; note: string }, form: FormInstance) => void;
}

/** 改派: a leader gives a held order to another member of its team, who starts it afresh. */
export function RedispatchModal({ order, open, loading, onClose, onSubmit }: RedispatchModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ assigneeId: number; note?: string }>();
  return (
    <Modal
      open={open}
      title={t('workOrders.action.redispatchTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('workOrders.action.redispatch')}
      okButtonProps={{ 'data-testid': 'redispatch-submit' }}
      confirmLoading={loading}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v) => onSubmit({ assigneeId: v.assigneeId, note: (v.note ?? '').trim() }, form)}
      >
        <Form.Item
          name="assigneeId"
          label={t('workOrders.bulk.assignee')}
          rules={[{ required: true, message: t('workOrders.bulk.assigneeRequired') }]}
        >
          <MemberSelect teamId={order.teamId ?? undefined} exclude={order.assigneeId ?? undefined} testId="redispatch-assignee" />
        </Form.Item>
        <Form.Item name="note" label={t('workOrders.action.redispatchNote')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
