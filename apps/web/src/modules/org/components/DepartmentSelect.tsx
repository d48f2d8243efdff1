import { DEPARTMENT_KIND_NAMES } from '@courtassist/contracts';
import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useBilingual } from '../../../shared/lib/lang';
import { useDepartments } from '../api/departments';

type DepartmentSelectProps = Omit<SelectProps<number | null>, 'options' | 'onChange'> & {
  courtId: number | null | undefined;
  onChange?: (value: number | null) => void;
};

/** The departments of one court; inactive ones are shown but cannot be chosen. */
export function DepartmentSelect({ courtId, value, onChange, placeholder, ...rest }: DepartmentSelectProps) {
  const { t } = useTranslation();
  const pick = useBilingual();
  const departments = useDepartments({ courtId: courtId ?? undefined, page: 1, pageSize: 200 }, !!courtId);
  const options = (departments.data?.items ?? []).map((d) => {
    const kind = pick(DEPARTMENT_KIND_NAMES[d.kind]);
    const note = d.active ? (kind !== d.name ? kind : null) : t('org.department.inactive');
    return { value: d.id, label: note ? `${d.name}（${note}）` : d.name, disabled: !d.active && d.id !== value };
  });
  return (
    <Select<number | null>
      showSearch
      optionFilterProp="label"
      disabled={!courtId}
      loading={!!courtId && departments.isPending}
      placeholder={courtId ? (placeholder ?? t('org.department.select')) : t('org.court.selectFirst')}
      options={options}
      value={value}
      onChange={(v) => onChange?.(v ?? null)}
      {...rest}
    />
  );
}
