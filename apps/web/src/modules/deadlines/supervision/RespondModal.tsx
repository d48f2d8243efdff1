import type { SupervisionOrderView } from '@courtassist/contracts';
import { App, Descriptions, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../shared/api/client';
import { useSaveErrorHandler } from '../../../shared/api/useProblemHandler';
import { useRespondSupervision } from './api';
import { DueDate } from './DueDate';

interface RespondModalProps {
  order: SupervisionOrderView | null;
  onClose: () => void;
}

/** 回复督办: the recipient reports what was done. A refusal because the order changed closes the dialog. */
export function RespondModal({ order, onClose }: RespondModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ response: string }>();
  const respond = useRespondSupervision();
  const onSaveError = useSaveErrorHandler();

  const submit = ({ response }: { response: string }) => {
    if (!order) return;
    respond.mutate(
      { id: order.id, response: response.trim(), version: order.version },
      {
        onSuccess: () => {
          message.success(t('supervision.respond.done'));
          onClose();
        },
        onError: (error) => {
          onSaveError(error, form);
          // The list is reloaded either way; a stale or closed order is answered from the new row.
          if (isApiError(error, 'VERSION_CONFLICT') || isApiError(error, 'INVALID_STATE')) onClose();
        },
      },
    );
  };

  return (
    <Modal
      open={order !== null}
      title={order ? t('supervision.respond.title', { caseNumber: order.caseNumber }) : undefined}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('supervision.respond.action')}
      okButtonProps={{ 'data-testid': 'respond-submit' }}
      confirmLoading={respond.isPending}
      destroyOnHidden
    >
      {order && (
        <Descriptions
          size="small"
          column={1}
          bordered
          style={{ marginBottom: 16 }}
          styles={{ label: { width: 100, whiteSpace: 'nowrap' } }}
        >
          <Descriptions.Item label={t('supervision.field.issuedBy')}>{order.issuedByName}</Descriptions.Item>
          <Descriptions.Item label={t('supervision.field.dueOn')}>
            <DueDate order={order} />
          </Descriptions.Item>
          <Descriptions.Item label={t('supervision.respond.orderText')}>
            <span style={{ whiteSpace: 'pre-wrap' }}>{order.text}</span>
          </Descriptions.Item>
        </Descriptions>
      )}
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <Form.Item
          name="response"
          label={t('supervision.respond.label')}
          rules={[{ required: true, whitespace: true, message: t('supervision.respond.required') }]}
        >
          <Input.TextArea
            rows={4}
            maxLength={2000}
            showCount
            placeholder={t('supervision.respond.placeholder')}
            data-testid="respond-text"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
