import { CheckOutlined, DownOutlined, GlobalOutlined, KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import type { CurrentUser } from '@courtassist/contracts';
import { Avatar, Button, Dropdown, type MenuProps, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Lang, useLang } from '../../shared/lib/lang';

interface UserMenuProps {
  me: CurrentUser;
  onChangePassword: () => void;
  onLogout: () => void;
}

/** The header's user menu: language, change password, sign out. */
export function UserMenu({ me, onChangePassword, onLogout }: UserMenuProps) {
  const { t, i18n } = useTranslation();
  const lang = useLang();
  const langItem = (value: Lang, label: string, testId: string) => ({
    key: `lang:${value}`,
    icon: lang === value ? <CheckOutlined /> : <span style={{ display: 'inline-block', width: 14 }} />,
    label: <span data-testid={testId}>{label}</span>,
  });

  const items: MenuProps['items'] = [
    {
      key: 'language',
      type: 'group',
      label: (
        <Space size={4}>
          <GlobalOutlined />
          {t('nav.language')}
        </Space>
      ),
      children: [langItem('zh-CN', '中文', 'lang-zh'), langItem('en', 'English', 'lang-en')],
    },
    { type: 'divider' },
    { key: 'password', icon: <KeyOutlined />, label: <span data-testid="change-password">{t('nav.changePassword')}</span> },
    { key: 'logout', icon: <LogoutOutlined />, danger: true, label: <span data-testid="logout">{t('nav.logout')}</span> },
  ];

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key.startsWith('lang:')) void i18n.changeLanguage(key.slice(5));
    else if (key === 'password') onChangePassword();
    else if (key === 'logout') onLogout();
  };

  return (
    <Dropdown menu={{ items, onClick, selectable: false }} trigger={['click']} placement="bottomRight">
      <Button type="text" data-testid="user-menu" aria-label={t('nav.userMenu', { name: me.displayName })} style={{ height: 48 }}>
        <Space size={8}>
          <Avatar size="small" icon={<UserOutlined />} style={{ background: '#a8071a' }} />
          <span>{me.displayName}</span>
          <DownOutlined style={{ fontSize: 10 }} />
        </Space>
      </Button>
    </Dropdown>
  );
}
