import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOpenCaseSearch } from './api';
import { useSettled } from './useSettled';

interface CaseNumberSelectProps {
  value?: number;
  onChange?: (value: number | undefined) => void;
}

/** An open case found by its number, whole or in part (e.g. 民初123), among the cases the user sees. */
export function CaseNumberSelect({ value, onChange }: CaseNumberSelectProps) {
  const { t } = useTranslation();
  const [typed, setTyped] = useState('');
  const search = useSettled(typed.trim());
  const found = useOpenCaseSearch(search);
  const options = (found.data?.items ?? []).map((c) => ({ value: c.id, label: c.caseNumber, title: c.title, judge: c.judgeName }));

  return (
    <Select<number>
      showSearch
      allowClear
      filterOption={false}
      value={value}
      onChange={(v) => onChange?.(v)}
      onSearch={setTyped}
      loading={found.isFetching}
      options={options}
      notFoundContent={search && !found.isFetching ? t('hearings.schedule.noCase') : null}
      placeholder={t('hearings.schedule.casePlaceholder')}
      optionRender={(option) => (
        <div>
          <div>{option.data.label}</div>
          <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>
            {option.data.title}
            {option.data.judge ? ` · ${option.data.judge}` : ''}
          </div>
        </div>
      )}
      data-testid="schedule-case"
    />
  );
}
