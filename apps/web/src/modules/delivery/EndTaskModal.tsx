import { DELIVERY_END_REASONS, type DeliveryEndReason, type DeliveryTaskDetail } from '@courtassist/contracts';
import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProblemHandler } from '../../shared/api/useProblemHandler';
import { useLang } from '../../shared/lib/lang';
import { useEndTask } from './api';
import { endReasonName } from './labels';

interface Values {
  reason: DeliveryEndReason;
  detail: string;
}

/**
 * 终止送达: ends a task not served as undeliverable, with the reason and what it rests on. It cannot
 * be undone; the dialog says what it does to the case's delivery node and the work order.
 */
export function EndTaskModal({ task, open, onClose }: { task: DeliveryTaskDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const showProblem = useProblemHandler();
  const endTask = useEndTask(task.id);
  const [form] = Form.useForm<Values>();

  const submit = (values: Values) =>
    endTask.mutate(
      { version: task.version, reason: values.reason, detail: values.detail.trim() },
      {
        onSuccess: () => {
          message.success(t('delivery.end.done'));
          onClose();
        },
        onError: (error) => showProblem(error, form),
      },
    );

  return (
    <Modal
      open={open}
      title={t('delivery.end.title')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('delivery.end.submit')}
      okButtonProps={{ danger: true, loading: endTask.isPending, 'data-testid': 'end-submit' }}
      destroyOnHidden
    >
      <Alert type="warning" showIcon style={{ marginBottom: 16 }} message={t('delivery.end.warning')} />
      <Form form={form} layout="vertical" preserve={false} onFinish={submit}>
        <Form.Item name="reason" label={t('delivery.end.reason')} rules={[{ required: true }]}>
          <Select data-testid="end-reason" options={DELIVERY_END_REASONS.map((r) => ({ value: r, label: endReasonName(r, lang) }))} />
        </Form.Item>
        <Form.Item
          name="detail"
          label={t('delivery.end.detail')}
          extra={t('delivery.end.detailHint')}
          rules={[{ required: true, whitespace: true, min: 4 }]}
        >
          <Input.TextArea rows={3} maxLength={500} data-testid="end-detail" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
