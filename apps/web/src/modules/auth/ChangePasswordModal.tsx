import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProblemHandler } from '../../shared/api/useProblemHandler';
import { NewPasswordFields } from '../../shared/components/NewPasswordFields';
import { useChangePassword } from './api';

interface ChangePasswordModalProps {
  open: boolean;
  /** The server requires a new password before anything else: the dialog cannot be dismissed. */
  forced: boolean;
  onClose: () => void;
  onLogout: () => void;
}

interface FormValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function ChangePasswordModal({ open, forced, onClose, onLogout }: ChangePasswordModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const change = useChangePassword();
  const showProblem = useProblemHandler();

  const submit = (values: FormValues) =>
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          message.success(t('password.changed'));
          form.resetFields();
          onClose();
        },
        onError: (error) => showProblem(error, form),
      },
    );

  return (
    <Modal
      open={open}
      title={t('password.changeTitle')}
      closable={!forced}
      maskClosable={false}
      keyboard={!forced}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        forced ? (
          <Button key="logout" onClick={onLogout}>
            {t('nav.logout')}
          </Button>
        ) : (
          <Button key="cancel" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        ),
        <Button key="submit" type="primary" loading={change.isPending} onClick={() => form.submit()} data-testid="change-password-submit">
          {t('common.save')}
        </Button>,
      ]}
    >
      {forced && <Alert type="warning" showIcon message={t('password.mustChange')} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={submit} requiredMark>
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[{ required: true, message: t('password.currentRequired') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <NewPasswordFields />
      </Form>
    </Modal>
  );
}
