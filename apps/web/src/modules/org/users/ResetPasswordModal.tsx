import type { User } from '@courtassist/contracts';
import { Alert, App, Form, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProblemHandler } from '../../../shared/api/useProblemHandler';
import { NewPasswordFields } from '../../../shared/components/NewPasswordFields';
import { useResetPassword } from '../api/users';

/** Sets a new password for a user who has forgotten theirs. */
export function ResetPasswordModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ newPassword: string }>();
  const reset = useResetPassword();
  const showProblem = useProblemHandler();

  const submit = ({ newPassword }: { newPassword: string }) => {
    if (!user) return;
    reset.mutate(
      { id: user.id, newPassword },
      {
        onSuccess: () => {
          message.success(t('org.user.passwordReset', { name: user.displayName }));
          onClose();
        },
        onError: (error) => showProblem(error, form),
      },
    );
  };

  return (
    <Modal
      open={!!user}
      title={user ? t('org.user.resetTitle', { name: user.displayName }) : ''}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('org.user.resetPassword')}
      confirmLoading={reset.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon message={t('org.user.resetHint')} style={{ marginBottom: 16 }} />
      <Form form={form} layout="vertical" onFinish={submit} preserve={false}>
        <NewPasswordFields />
      </Form>
    </Modal>
  );
}
