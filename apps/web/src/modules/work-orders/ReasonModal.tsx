import type { FormInstance } from 'antd';
import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';

interface ReasonModalProps {
  open: boolean;
  title: string;
  label: string;
  placeholder: string;
  okText: string;
  /** A reason of at least two characters is required (退回), or the text is optional. */
  required: boolean;
  danger?: boolean;
  loading: boolean;
  onClose: () => void;
  onSubmit: (text: string, form: FormInstance<{ text: string }>) => void;
  testId: string;
}

/** One text for a step: the reason of a return or withdrawal, the note of a re-initiation. */
export function ReasonModal({
  open,
  title,
  label,
  placeholder,
  okText,
  required,
  danger,
  loading,
  onClose,
  onSubmit,
  testId,
}: ReasonModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ text: string }>();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={okText}
      okButtonProps={{ danger, 'data-testid': `${testId}-submit` }}
      confirmLoading={loading}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false} onFinish={({ text }) => onSubmit((text ?? '').trim(), form)}>
        <Form.Item
          name="text"
          label={label}
          rules={required ? [{ required: true, whitespace: true, min: 2, message: t('workOrders.bulk.reasonRequired') }] : []}
        >
          <Input.TextArea rows={3} maxLength={1000} showCount placeholder={placeholder} data-testid={`${testId}-text`} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
