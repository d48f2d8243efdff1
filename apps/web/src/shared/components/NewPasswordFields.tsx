import { PASSWORD_RULE } from '@courtassist/contracts';
import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';

interface NewPasswordFieldsProps {
  /** Form field holding the new password. */
  name?: string;
  label?: string;
}

/** A new password and its confirmation, checked against the server's password rule. */
export function NewPasswordFields({ name = 'newPassword', label }: NewPasswordFieldsProps) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item
        name={name}
        label={label ?? t('password.new')}
        extra={t('password.ruleHint')}
        hasFeedback
        rules={[
          { required: true, message: t('password.newRequired') },
          { pattern: PASSWORD_RULE, message: t('password.weak') },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirmPassword"
        label={t('password.confirm')}
        dependencies={[name]}
        hasFeedback
        rules={[
          { required: true, message: t('password.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || getFieldValue(name) === value ? Promise.resolve() : Promise.reject(new Error(t('password.mismatch'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
