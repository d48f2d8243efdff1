import { DEPARTMENT_KIND_NAMES, type DepartmentKind } from '@courtassist/contracts';
import { Tag } from 'antd';
import { useBilingual } from '../../../shared/lib/lang';

const COLORS: Partial<Record<DepartmentKind, string>> = {
  filing: 'gold',
  civil: 'blue',
  criminal: 'red',
  administrative: 'purple',
  enforcement: 'volcano',
  management: 'geekblue',
  centre: 'cyan',
  tribunal: 'green',
};

export function DepartmentKindTag({ kind }: { kind: DepartmentKind }) {
  const pick = useBilingual();
  return <Tag color={COLORS[kind]}>{pick(DEPARTMENT_KIND_NAMES[kind])}</Tag>;
}
