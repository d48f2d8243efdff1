import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCaseSearch } from './api';
import { useDebounced } from './useDebounced';

interface CasePickerProps {
  value?: number;
  onChange?: (value: number | undefined) => void;
}

/** A case found by its number, whole or in part (e.g. 民初123), among the cases in the user's scope. */
export function CasePicker({ value, onChange }: CasePickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim(), 300);
  const found = useCaseSearch(q);
  const options = (found.data?.items ?? []).map((c) => ({
    value: c.id,
    label: c.caseNumber,
    title: c.title,
  }));

  return (
    <Select<number>
      showSearch
      allowClear
      filterOption={false}
      value={value}
      onChange={(v) => onChange?.(v)}
      onSearch={setSearch}
      loading={found.isFetching}
      options={options}
      notFoundContent={null}
      placeholder={t('supervision.issue.casePlaceholder')}
      optionRender={(option) => (
        <div>
          <div>{option.data.label}</div>
          <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{option.data.title}</div>
        </div>
      )}
      data-testid="issue-case"
    />
  );
}
