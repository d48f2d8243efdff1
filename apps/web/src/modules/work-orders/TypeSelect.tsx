import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../shared/lib/lang';
import { useOrderTypes } from './api';
import { typeName } from './labels';

interface TypeSelectProps {
  courtId: number | undefined;
  value?: number;
  onChange: (typeId: number | undefined) => void;
}

/** The order types of a court, for filtering a list. */
export function TypeSelect({ courtId, value, onChange }: TypeSelectProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const types = useOrderTypes(courtId);
  return (
    <Select<number>
      allowClear
      value={value}
      onChange={(v) => onChange(v ?? undefined)}
      placeholder={t('workOrders.mine.allTypes')}
      aria-label={t('workOrders.mine.filterType')}
      loading={types.isPending && courtId !== undefined}
      style={{ width: 180 }}
      options={(types.data?.items ?? []).map((x) => ({
        value: x.id,
        label: typeName({ typeNameZh: x.nameZh, typeNameEn: x.nameEn }, lang),
      }))}
      data-testid="orders-type-filter"
    />
  );
}
