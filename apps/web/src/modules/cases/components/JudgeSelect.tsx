import { Select, type SelectProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCourtJudges } from '../api';

type JudgeSelectProps<V> = Omit<SelectProps<V>, 'options'> & {
  courtId: number;
  /** Judges who may not be chosen (e.g. recused); shown greyed out. */
  disabledIds?: readonly number[];
};

/** The judges of the court's trial teams, with their division and team. */
export function JudgeSelect<V extends number | number[] = number>({
  courtId,
  disabledIds = [],
  placeholder,
  ...rest
}: JudgeSelectProps<V>) {
  const { t } = useTranslation();
  const judges = useCourtJudges(courtId);
  const options = (judges.data ?? []).map((j) => ({
    value: j.userId,
    label: j.name,
    title: j.teams.join('；'),
    disabled: disabledIds.includes(j.userId),
    searchText: `${j.name} ${j.teams.join(' ')}`,
  }));
  return (
    <Select<V>
      showSearch
      optionFilterProp="searchText"
      loading={judges.isPending}
      placeholder={placeholder ?? t('cases.assign.judgePlaceholder')}
      options={options}
      optionRender={(option) => (
        <div>
          <div>{option.data.label}</div>
          <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>{option.data.title}</div>
        </div>
      )}
      {...rest}
    />
  );
}
