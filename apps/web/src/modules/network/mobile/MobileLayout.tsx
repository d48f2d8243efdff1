import { CloudSyncOutlined, DisconnectOutlined, LogoutOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { problemText } from '../../../shared/api/problem';
import { LanguageSwitch } from '../../../shared/components/LanguageSwitch';
import { useLang } from '../../../shared/lib/lang';
import { useLogout } from '../../auth';
import { useInvalidateMine } from './common';
import { flush, useFlushPending, useOnline, usePendingReports } from './outbox';

/**
 * The phone frame of an assistant's pages: a slim bar (title, language, sign-out), the
 * connection and the reports waiting to be sent, and the page. No side menu, nothing wider than
 * the screen; designed for 375 px.
 */
export default function MobileLayout() {
  const { t } = useTranslation();
  const lang = useLang();
  const online = useOnline();
  const pending = usePendingReports();
  const logout = useLogout();
  const invalidate = useInvalidateMine();
  const describe = useCallback((error: unknown) => problemText(error, lang), [lang]);
  const onSent = useCallback(() => void invalidate(), [invalidate]);
  useFlushPending(onSent, describe);
  const waiting = pending.filter((r) => r.error === null).length;

  return (
    <Flex vertical style={{ minHeight: '100vh', background: '#f5f5f5' }} data-testid="mobile-layout">
      <Flex
        align="center"
        justify="space-between"
        gap={8}
        style={{ position: 'sticky', top: 0, zIndex: 10, background: '#a8071a', color: '#fff', padding: '0 8px 0 16px', minHeight: 52 }}
      >
        <Typography.Text strong style={{ color: '#fff', fontSize: 17 }}>
          {t('networkTasks.mobile.title')}
        </Typography.Text>
        <Flex align="center" gap={4}>
          <LanguageSwitch />
          <Button
            type="text"
            icon={<LogoutOutlined />}
            style={{ color: '#fff', minHeight: 44, minWidth: 44 }}
            aria-label={t('networkTasks.mobile.signOut')}
            onClick={() => logout.mutate(undefined, { onSettled: () => window.location.replace('/login') })}
          />
        </Flex>
      </Flex>
      {!online && (
        <Alert
          type="warning"
          banner
          icon={<DisconnectOutlined />}
          message={t('networkTasks.mobile.offline')}
          data-testid="mobile-offline"
        />
      )}
      {waiting > 0 && (
        <Alert
          type="info"
          banner
          icon={<CloudSyncOutlined />}
          data-testid="mobile-pending"
          message={t('networkTasks.mobile.pendingCount', { count: waiting })}
          action={
            online && (
              <Button size="small" onClick={() => void flush(onSent, describe)}>
                {t('networkTasks.mobile.sendNow')}
              </Button>
            )
          }
        />
      )}
      <main style={{ flex: 1, width: '100%', maxWidth: 560, margin: '0 auto', padding: 12, boxSizing: 'border-box' }}>
        <Outlet />
      </main>
    </Flex>
  );
}
