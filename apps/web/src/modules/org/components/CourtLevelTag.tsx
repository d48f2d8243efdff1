import { COURT_LEVEL_NAMES, type CourtLevel } from '@courtassist/contracts';
import { Tag } from 'antd';
import { useBilingual } from '../../../shared/lib/lang';

const COLORS: Record<CourtLevel, string> = {
  higher: 'red',
  intermediate: 'volcano',
  basic: 'blue',
  tribunal: 'cyan',
};

export function CourtLevelTag({ level }: { level: string }) {
  const pick = useBilingual();
  const known = Object.hasOwn(COURT_LEVEL_NAMES, level) ? (level as CourtLevel) : null;
  return <Tag color={known ? COLORS[known] : undefined}>{known ? pick(COURT_LEVEL_NAMES[known]) : level}</Tag>;
}
