import type { WarningBoard, WarningCounts } from '@courtassist/contracts';
import type { TFunction } from 'i18next';
import type { BoardScope } from './levels';

export const BOARD_GROUPS = ['court', 'department', 'judge'] as const;
export type BoardGroup = (typeof BOARD_GROUPS)[number];

export interface BoardRow {
  key: string;
  /** The court, department or judge; null for cases without a department or not yet assigned. */
  id: number | null;
  name: string;
  counts: WarningCounts;
}

/** The board's rows for one grouping, most urgent first (the server's order). */
export function boardRows(board: WarningBoard, group: BoardGroup, t: TFunction): BoardRow[] {
  if (group === 'court') return board.byCourt.map((r) => ({ key: `c${r.courtId}`, id: r.courtId, name: r.courtName, counts: r.counts }));
  if (group === 'department') {
    return board.byDepartment.map((r) => ({
      key: `d${r.departmentId ?? 'none'}`,
      id: r.departmentId,
      name: r.departmentName ?? t('supervision.board.noDepartment'),
      counts: r.counts,
    }));
  }
  return board.byJudge.map((r) => ({
    key: `j${r.judgeId ?? 'none'}`,
    id: r.judgeId,
    name: r.judgeName ?? t('supervision.board.noJudge'),
    counts: r.counts,
  }));
}

/** The filters narrowed to one row; null when the row cannot be filtered on (no department, no judge). */
export function rowScope(scope: BoardScope, group: BoardGroup, id: number | null): BoardScope | null {
  if (id === null) return null;
  if (group === 'court') return { ...scope, courtId: id };
  if (group === 'department') return { ...scope, departmentId: id };
  return { ...scope, judgeId: id };
}
