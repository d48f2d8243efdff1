import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../../shared/api/client';
import { applyFieldErrors, problemText } from '../../shared/api/problem';
import { BrandMark } from '../../shared/components/BrandMark';
import { LanguageSwitch } from '../../shared/components/LanguageSwitch';
import { formatMoment } from '../../shared/lib/format';
import { useLang } from '../../shared/lib/lang';
import { useLogin, useMe } from './api';
import { safeNext } from './safeNext';

interface LoginValues {
  username: string;
  password: string;
}

const background = 'linear-gradient(135deg, #5c0011 0%, #a8071a 38%, #102a4c 100%)';

export default function LoginPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const me = useMe();
  const login = useLogin();
  const [form] = Form.useForm<LoginValues>();
  const [error, setError] = useState<unknown>(null);

  if (me.data) return <Navigate to={next} replace />;

  const submit = (values: LoginValues) => {
    setError(null);
    login.mutate(values, {
      onSuccess: () => navigate(next, { replace: true }),
      onError: (failure) => {
        setError(failure);
        applyFieldErrors(form, failure, lang);
      },
    });
  };

  const lockedUntil =
    error instanceof ApiError && error.code === 'ACCOUNT_LOCKED' && typeof error.problem.meta?.lockedUntil === 'string'
      ? error.problem.meta.lockedUntil
      : null;

  return (
    <Flex vertical style={{ minHeight: '100vh', background }}>
      <Flex justify="flex-end" style={{ padding: '16px 24px' }}>
        <LanguageSwitch />
      </Flex>
      <Flex flex={1} align="center" justify="center" style={{ padding: 16 }}>
        <Card style={{ width: 400, maxWidth: '100%', boxShadow: '0 12px 40px rgba(0,0,0,0.35)' }} styles={{ body: { padding: 32 } }}>
          <Flex vertical align="center" gap={8} style={{ marginBottom: 24 }}>
            <BrandMark size={56} />
            <Typography.Title level={1} style={{ fontSize: 22, margin: '8px 0 0', textAlign: 'center' }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary" style={{ letterSpacing: 2 }}>
              CourtAssist
            </Typography.Text>
          </Flex>
          {error !== null && (
            <Alert
              type="error"
              showIcon
              role="alert"
              data-testid="login-error"
              style={{ marginBottom: 16 }}
              message={problemText(error, lang)}
              description={lockedUntil ? t('login.lockedUntil', { time: formatMoment(lockedUntil) }) : undefined}
            />
          )}
          <Form form={form} layout="vertical" size="large" onFinish={submit} requiredMark={false} aria-label={t('login.title')}>
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-username" />
            </Form.Item>
            <Form.Item name="password" label={t('login.password')} rules={[{ required: true, message: t('login.passwordRequired') }]}>
              <Input.Password prefix={<LockOutlined />} autoComplete="current-password" data-testid="login-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
              {t('login.submit')}
            </Button>
          </Form>
          <Typography.Paragraph type="secondary" style={{ marginTop: 24, marginBottom: 0, textAlign: 'center', fontSize: 12 }}>
            {t('login.notice')}
          </Typography.Paragraph>
        </Card>
      </Flex>
    </Flex>
  );
}
