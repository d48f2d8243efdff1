import { BankOutlined, KeyOutlined } from '@ant-design/icons';
import { Flex, Layout, Menu, Result, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router-dom';
import { ChangePasswordModal, useMe } from '../../modules/auth';
import { BrandMark } from '../../shared/components/BrandMark';
import { Suspended } from '../routes/Suspended';
import { UserMenu } from './UserMenu';
import { useLogoutAndLeave } from './useLogoutAndLeave';
import {
  CASES_GROUP_KEY,
  CENTRE_GROUP_KEY,
  LIMITS_GROUP_KEY,
  NETWORK_GROUP_KEY,
  ORG_GROUP_KEY,
  selectedMenuKey,
  useMenuItems,
} from './useMenuItems';

/** The signed-in frame: side menu by permission, header with the court and the user menu. */
export function AppLayout() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const location = useLocation();
  const items = useMenuItems();
  const logout = useLogoutAndLeave();
  const [collapsed, setCollapsed] = useState(false);
  const [changingPassword, setChangingPassword] = useState(false);
  if (!me) return null;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        width={240}
        style={{ height: '100vh', position: 'sticky', top: 0, overflow: 'auto' }}
      >
        <div className="ca-brand">
          <BrandMark size={32} />
          {!collapsed && (
            <div>
              <div className="ca-brand-title">{t('app.shortName')}</div>
              <div className="ca-brand-sub">CourtAssist</div>
            </div>
          )}
        </div>
        <nav aria-label={t('nav.main')}>
          <Menu
            theme="dark"
            mode="inline"
            items={items}
            selectedKeys={[selectedMenuKey(location.pathname)]}
            defaultOpenKeys={[CASES_GROUP_KEY, CENTRE_GROUP_KEY, NETWORK_GROUP_KEY, LIMITS_GROUP_KEY, ORG_GROUP_KEY]}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            boxShadow: '0 1px 4px rgba(0,21,41,0.08)',
            position: 'sticky',
            top: 0,
            zIndex: 10,
          }}
        >
          <Flex align="center" gap={10} style={{ minWidth: 0 }}>
            <BankOutlined style={{ color: '#a8071a', fontSize: 18 }} />
            <Typography.Text strong ellipsis style={{ fontSize: 16 }} data-testid="header-court">
              {me.court.name}
            </Typography.Text>
            <Tag>{me.court.code}</Tag>
            {me.department && <Typography.Text type="secondary">{me.department.name}</Typography.Text>}
          </Flex>
          <UserMenu me={me} onChangePassword={() => setChangingPassword(true)} onLogout={logout} />
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <main>
            {/* Until the password is changed the server refuses everything else, so no page loads. */}
            {me.mustChangePassword ? (
              <Result icon={<KeyOutlined />} title={t('password.changeTitle')} subTitle={t('password.mustChange')} />
            ) : (
              <Suspended>
                <Outlet />
              </Suspended>
            )}
          </main>
        </Layout.Content>
        <Layout.Footer style={{ textAlign: 'center', color: 'rgba(0,0,0,0.45)', fontSize: 12, padding: '12px 24px' }}>
          {t('app.footer')}
        </Layout.Footer>
      </Layout>
      <ChangePasswordModal
        open={changingPassword || me.mustChangePassword}
        forced={me.mustChangePassword}
        onClose={() => setChangingPassword(false)}
        onLogout={logout}
      />
    </Layout>
  );
}
