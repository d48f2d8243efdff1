import type { User } from '@courtassist/contracts';
import { Space, Tag, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoment, isFuture } from '../../../shared/lib/format';

/** Active/disabled, and "locked" while a lock-out after wrong passwords lasts. */
export function UserStatusTags({ user }: { user: Pick<User, 'status' | 'lockedUntil'> }) {
  const { t } = useTranslation();
  const locked = isFuture(user.lockedUntil);
  return (
    <Space size={[0, 4]} wrap>
      {user.status === 'active' ? <Tag color="success">{t('org.user.status.active')}</Tag> : <Tag>{t('org.user.status.disabled')}</Tag>}
      {locked && (
        <Tooltip title={t('org.user.lockedUntil', { time: formatMoment(user.lockedUntil) })}>
          <Tag color="error" data-testid="user-locked">
            {t('org.user.locked')}
          </Tag>
        </Tooltip>
      )}
    </Space>
  );
}
