import { CloudSyncOutlined, DisconnectOutlined, LogoutOutlined, ProfileOutlined, TrophyOutlined, WalletOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Typography } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation } from 'react-router-dom';
import { problemText } from '../../../shared/api/problem';
import { LanguageSwitch } from '../../../shared/components/LanguageSwitch';
import { useLang } from '../../../shared/lib/lang';
import { useLogout, useMe } from '../../auth';
import { useReportSent } from './common';
import { keptAtLabel } from './kept';
import { forgetOfflineData, useKeptDataAt, useOfflinePages } from './offline';
import { flush, useFlushPending, useOnline, useOutboxOwner, usePendingReports } from './outbox';

const TABS = [
  { key: 'tasks', to: '/m/tasks', icon: <ProfileOutlined /> },
  { key: 'assessments', to: '/m/assessments', icon: <TrophyOutlined /> },
  { key: 'subsidies', to: '/m/subsidies', icon: <WalletOutlined /> },
] as const;
type Section = (typeof TABS)[number]['key'];

/** The code of the pages an assistant opens without a connection (the list and a task), loaded early so the worker keeps it. */
const loadOfflinePages = () => Promise.all([import('./MobileTasksPage'), import('./MobileTaskPage')]);

/** Height of the bottom tab bar: a thumb's target and a short label. */
const TAB_BAR = 60;

/**
 * The phone frame of an assistant's pages: a slim bar (title, language, sign-out), the
 * connection and the reports waiting to be sent, the page, and a bottom tab bar (tasks,
 * assessment, subsidies) reachable with a thumb. No side menu, nothing wider than the screen;
 * designed for 375 px.
 */
export default function MobileLayout() {
  const { t } = useTranslation();
  const lang = useLang();
  const online = useOnline();
  const pending = usePendingReports();
  const logout = useLogout();
  const me = useMe();
  useOutboxOwner(me.data?.id);
  useOfflinePages(me.data?.id, loadOfflinePages);
  const keptAt = useKeptDataAt();
  const onSent = useReportSent();
  const describe = useCallback((error: unknown) => problemText(error, lang), [lang]);
  useFlushPending(onSent, describe);
  const waiting = pending.filter((r) => r.error === null).length;
  const { pathname } = useLocation();
  const section: Section = TABS.find((tab) => pathname.startsWith(tab.to))?.key ?? 'tasks';

  return (
    <Flex vertical style={{ minHeight: '100vh', background: '#f5f5f5' }} data-testid="mobile-layout">
      <Flex
        align="center"
        justify="space-between"
        gap={8}
        style={{ position: 'sticky', top: 0, zIndex: 10, background: '#a8071a', color: '#fff', padding: '0 8px 0 16px', minHeight: 52 }}
      >
        <Typography.Text strong style={{ color: '#fff', fontSize: 17 }}>
          {t(`networkPhone.titles.${section}`)}
        </Typography.Text>
        <Flex align="center" gap={4}>
          <LanguageSwitch />
          <Button
            type="text"
            icon={<LogoutOutlined />}
            style={{ color: '#fff', minHeight: 44, minWidth: 44 }}
            aria-label={t('networkTasks.mobile.signOut')}
            onClick={() =>
              logout.mutate(undefined, {
                // The parties' data kept for offline use leaves the phone with the person (even when the server was not reached).
                onSettled: () => void forgetOfflineData().finally(() => window.location.replace('/login')),
              })
            }
          />
        </Flex>
      </Flex>
      {keptAt !== null ? (
        <Alert
          type="warning"
          banner
          icon={<DisconnectOutlined />}
          message={
            <span data-testid="mobile-offline-data">{t('networkPhone.offlineData', { time: keptAtLabel(keptAt, Date.now()) })}</span>
          }
          description={online ? undefined : t('networkTasks.mobile.offline')}
          data-testid="mobile-offline"
        />
      ) : (
        !online && (
          <Alert
            type="warning"
            banner
            icon={<DisconnectOutlined />}
            message={t('networkTasks.mobile.offline')}
            data-testid="mobile-offline"
          />
        )
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
      <main
        style={{
          flex: 1,
          width: '100%',
          maxWidth: 560,
          margin: '0 auto',
          padding: 12,
          paddingBottom: 24,
          boxSizing: 'border-box',
        }}
      >
        <Outlet />
      </main>
      <nav
        aria-label={t('networkPhone.navLabel')}
        data-testid="mobile-tabs"
        style={{
          // Sticky at the end of the full-height column: always at the screen's foot, never over the last card.
          position: 'sticky',
          bottom: 0,
          zIndex: 10,
          display: 'flex',
          background: '#fff',
          borderTop: '1px solid #e8e8e8',
          paddingBottom: 'env(safe-area-inset-bottom)',
        }}
      >
        {TABS.map((tab) => (
          <NavLink
            key={tab.key}
            to={tab.to}
            data-testid={`mobile-tab-${tab.key}`}
            aria-current={section === tab.key ? 'page' : undefined}
            style={{
              flex: 1,
              height: TAB_BAR,
              display: 'flex',
              flexDirection: 'column',
              alignItems: 'center',
              justifyContent: 'center',
              gap: 2,
              fontSize: 13,
              color: section === tab.key ? '#a8071a' : '#595959',
              fontWeight: section === tab.key ? 600 : 400,
            }}
          >
            <span style={{ fontSize: 22, lineHeight: 1 }}>{tab.icon}</span>
            {t(`networkPhone.tabs.${tab.key}`)}
          </NavLink>
        ))}
      </nav>
    </Flex>
  );
}
