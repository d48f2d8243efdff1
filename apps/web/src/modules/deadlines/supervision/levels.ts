import { WARNING_LEVEL_NAMES, type WarningCounts, type WarningLevel } from '@courtassist/contracts';
import type { TFunction } from 'i18next';
import { type Lang, pickText } from '../../../shared/lib/lang';

/** What the board counts: the six warning levels and the suspended cases (which have no level). */
export type BoardLevel = WarningLevel | 'suspended';

/** Most urgent first, as the board reads; `none` counts the cases neither warned nor suspended. */
export const BOARD_LEVELS: readonly BoardLevel[] = ['overdue', '3', '7', '15', '30', 'none', 'suspended'];

/**
 * Solid colours of the levels for cards and charts: the sixth shade of the antd palettes the case
 * tags use (WARNING_COLORS: blue, gold, orange, volcano, red), green for normal, purple for suspended.
 */
export const LEVEL_HEX: Readonly<Record<BoardLevel, string>> = {
  none: '#52c41a',
  '30': '#1677ff',
  '15': '#faad14',
  '7': '#fa8c16',
  '3': '#fa541c',
  overdue: '#f5222d',
  suspended: '#722ed1',
};

export function levelLabel(t: TFunction, level: BoardLevel): string {
  if (level === 'none') return t('supervision.board.level.none');
  if (level === 'overdue') return t('supervision.board.level.overdue');
  if (level === 'suspended') return t('supervision.board.level.suspended');
  return t('supervision.board.level.within', { count: Number(level) });
}

/** The band's stable name (一级预警 …), whatever threshold an administrator gave it. */
export function bandName(level: BoardLevel, lang: Lang): string | null {
  return level === 'none' || level === 'overdue' || level === 'suspended' ? null : pickText(lang, WARNING_LEVEL_NAMES[level]);
}

/**
 * A count of the board. Suspended cases carry the level `none` (no warning while suspended), so
 * "normal" is `none` less the suspended: the seven figures then add up to the total.
 */
export function countOf(counts: WarningCounts, level: BoardLevel): number {
  if (level === 'none') return Math.max(0, counts.none - counts.suspended);
  return counts[level];
}

export interface BoardScope {
  courtId?: number;
  departmentId?: number;
  judgeId?: number;
}

/**
 * The case list showing a level's cases in a scope, or null for suspended cases, which the case
 * list cannot filter. A warning level is only ever set on open cases (closing resets it), so only
 * `none` needs the status as well.
 */
export function caseListLink(scope: BoardScope, level: BoardLevel): string | null {
  if (level === 'suspended') return null;
  const params = new URLSearchParams();
  if (scope.courtId) params.set('courtId', String(scope.courtId));
  if (scope.departmentId) params.set('departmentId', String(scope.departmentId));
  if (scope.judgeId) params.set('judgeId', String(scope.judgeId));
  if (level === 'none') params.set('status', 'open');
  params.set('warningLevel', level);
  return `/cases?${params.toString()}`;
}
