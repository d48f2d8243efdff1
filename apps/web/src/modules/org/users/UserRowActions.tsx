import { DownOutlined, EditOutlined, KeyOutlined, StarOutlined, UnlockOutlined } from '@ant-design/icons';
import type { User } from '@courtassist/contracts';
import { App, Button, Dropdown, type MenuProps, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProblemHandler } from '../../../shared/api/useProblemHandler';
import { isFuture } from '../../../shared/lib/format';
import { EntityHistory } from '../../audit';
import { useCan } from '../../auth';
import { useUnlockUser } from '../api/users';

interface UserRowActionsProps {
  user: User;
  onEdit: () => void;
  onResetPassword: () => void;
  onSpecialisations: () => void;
}

/** Edit; "more" with reset password and, while the account is locked, unlock; a judge's specialisations; history. */
export function UserRowActions({ user, onEdit, onResetPassword, onSpecialisations }: UserRowActionsProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const can = useCan();
  const unlock = useUnlockUser();
  const showProblem = useProblemHandler();
  const manage = can('user.manage');
  const locked = isFuture(user.lockedUntil);
  // Who is drawn for what is set by those who assign cases or run the court's organisation.
  const specialise = user.roles.includes('judge') && (can('case.assign') || can('org.manage'));

  const confirmUnlock = () =>
    modal.confirm({
      title: t('org.user.unlockConfirm', { name: user.displayName }),
      okText: t('org.user.unlock'),
      cancelText: t('common.cancel'),
      onOk: () =>
        unlock.mutateAsync(user.id).then(
          () => void message.success(t('org.user.unlocked', { name: user.displayName })),
          (error: unknown) => showProblem(error),
        ),
    });

  const items: MenuProps['items'] = [
    { key: 'reset', icon: <KeyOutlined />, label: <span data-testid="user-reset-password">{t('org.user.resetPassword')}</span> },
  ];
  if (locked) items.push({ key: 'unlock', icon: <UnlockOutlined />, label: <span data-testid="user-unlock">{t('org.user.unlock')}</span> });

  const onMenuClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'reset') onResetPassword();
    if (key === 'unlock') confirmUnlock();
  };

  return (
    <Space size={0}>
      {manage && (
        <Button type="link" size="small" icon={<EditOutlined />} onClick={onEdit}>
          {t('common.edit')}
        </Button>
      )}
      {manage && (
        <Dropdown menu={{ items, onClick: onMenuClick }} trigger={['click']}>
          <Button type="link" size="small" data-testid="user-more" danger={locked}>
            {t('common.more')} <DownOutlined style={{ fontSize: 10 }} />
          </Button>
        </Dropdown>
      )}
      {specialise && (
        <Button type="link" size="small" icon={<StarOutlined />} onClick={onSpecialisations} data-testid="user-specialisations">
          {t('org.specialisation.action')}
        </Button>
      )}
      <EntityHistory entityType="user" entityId={user.id} name={user.displayName} iconOnly />
    </Space>
  );
}
