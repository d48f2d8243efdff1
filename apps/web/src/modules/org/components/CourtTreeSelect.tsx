import type { Court } from '@courtassist/contracts';
import { TreeSelect, type TreeSelectProps } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCourts } from '../api/courts';
import { buildCourtTree, defaultExpanded } from './courtTree';

type CourtTreeSelectProps = Omit<TreeSelectProps<number | null>, 'treeData' | 'onChange'> & {
  onChange?: (value: number | null) => void;
  /** Courts that may not be chosen stay visible but greyed out. */
  disableCourt?: (court: Court) => boolean;
};

/** A court picker showing the court tree of the user's scope; searchable by name or code. */
export function CourtTreeSelect({ disableCourt, onChange, placeholder, ...rest }: CourtTreeSelectProps) {
  const { t } = useTranslation();
  const courts = useCourts();
  const tree = useMemo(() => buildCourtTree(courts.data?.items ?? [], disableCourt), [courts.data, disableCourt]);
  const expanded = useMemo(() => defaultExpanded(tree), [tree]);
  return (
    <TreeSelect<number | null>
      showSearch
      treeNodeFilterProp="title"
      loading={courts.isPending}
      treeData={tree}
      treeDefaultExpandedKeys={expanded}
      placeholder={placeholder ?? t('org.court.select')}
      popupMatchSelectWidth={false}
      listHeight={360}
      onChange={(value) => onChange?.(value ?? null)}
      {...rest}
    />
  );
}
