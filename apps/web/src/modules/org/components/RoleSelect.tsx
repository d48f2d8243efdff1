import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRoles } from '../api/roles';
import { useRoleName } from './useRoleName';

type RoleSelectProps = Omit<SelectProps<string[]>, 'options' | 'mode'>;

/** Several roles, by code, labelled in the current language. */
export function RoleSelect(props: RoleSelectProps) {
  const { t } = useTranslation();
  const roles = useRoles();
  const roleName = useRoleName();
  return (
    <Select<string[]>
      mode="multiple"
      allowClear
      optionFilterProp="label"
      loading={roles.isPending}
      placeholder={t('org.user.rolesPlaceholder')}
      options={(roles.data?.items ?? []).map((r) => ({ value: r.code, label: roleName(r.code) }))}
      {...props}
    />
  );
}
