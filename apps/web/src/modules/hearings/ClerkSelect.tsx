import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../auth';
import { useClerks } from './api';
import { useSettled } from './useSettled';

interface ClerkSelectProps {
  courtId: number;
  /** The clerks already known (the case's, the hearing's): listed even when the search finds others. */
  known: readonly { id: number; name: string }[];
  value?: number | null;
  onChange?: (value: number | null) => void;
}

/** A clerk of the case's court, found by name; those who cannot read users choose among the known ones. */
export function ClerkSelect({ courtId, known, value, onChange }: ClerkSelectProps) {
  const { t } = useTranslation();
  const can = useCan();
  const [typed, setTyped] = useState('');
  const q = useSettled(typed.trim());
  const clerks = useClerks(courtId, q, can('user.read'));
  const options = new Map<number, string>(known.map((k) => [k.id, k.name]));
  for (const u of clerks.data?.items ?? []) options.set(u.id, u.displayName);

  return (
    <Select<number | null>
      showSearch
      allowClear
      filterOption={false}
      value={value ?? undefined}
      onChange={(v) => onChange?.(v ?? null)}
      onSearch={setTyped}
      loading={clerks.isFetching}
      options={[...options].map(([id, name]) => ({ value: id, label: name }))}
      placeholder={t('hearings.schedule.clerkPlaceholder')}
      data-testid="schedule-clerk"
    />
  );
}
