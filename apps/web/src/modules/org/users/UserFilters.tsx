import { USER_STATUSES, type User } from '@courtassist/contracts';
import { Flex, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRoles } from '../api/roles';
import { CourtTreeSelect } from '../components/CourtTreeSelect';
import { useRoleName } from '../components/useRoleName';

export interface UserFilterValues {
  courtId?: number;
  role?: string;
  status?: User['status'];
  q?: string;
}

interface UserFiltersProps {
  value: UserFilterValues;
  onChange: (patch: Partial<UserFilterValues>) => void;
}

/** Court, role, status and a search by username or name. */
export function UserFilters({ value, onChange }: UserFiltersProps) {
  const { t } = useTranslation();
  const roles = useRoles();
  const roleName = useRoleName();
  return (
    <Flex wrap gap={12} style={{ marginBottom: 16 }}>
      <Form.Item label={t('org.court.label')} style={{ marginBottom: 0 }}>
        <CourtTreeSelect
          allowClear
          value={value.courtId}
          placeholder={t('org.court.all')}
          style={{ width: 260 }}
          onChange={(courtId) => onChange({ courtId: courtId ?? undefined })}
        />
      </Form.Item>
      <Form.Item label={t('org.user.role')} style={{ marginBottom: 0 }}>
        <Select<string>
          allowClear
          showSearch
          optionFilterProp="label"
          value={value.role}
          placeholder={t('common.all')}
          style={{ width: 180 }}
          loading={roles.isPending}
          options={(roles.data?.items ?? []).map((r) => ({ value: r.code, label: roleName(r.code) }))}
          onChange={(role) => onChange({ role: role ?? undefined })}
        />
      </Form.Item>
      <Form.Item label={t('common.status')} style={{ marginBottom: 0 }}>
        <Select<User['status']>
          allowClear
          value={value.status}
          placeholder={t('common.all')}
          style={{ width: 120 }}
          options={USER_STATUSES.map((status) => ({ value: status, label: t(`org.user.status.${status}`) }))}
          onChange={(status) => onChange({ status: status ?? undefined })}
        />
      </Form.Item>
      <Input.Search
        allowClear
        defaultValue={value.q}
        placeholder={t('org.user.searchPlaceholder')}
        aria-label={t('org.user.searchPlaceholder')}
        style={{ width: 260 }}
        maxLength={50}
        onSearch={(q) => onChange({ q: q.trim() || undefined })}
        data-testid="user-search"
      />
    </Flex>
  );
}
