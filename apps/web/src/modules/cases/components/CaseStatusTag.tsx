import { CASE_STATUSES, type CaseStatus } from '@courtassist/contracts';
import { Tag } from 'antd';
import { useLang } from '../../../shared/lib/lang';
import { STATUS_COLORS, statusName } from '../labels';

/** 待分案 / 审理中 / 已结案 / 已归档. */
export function CaseStatusTag({ status, testId }: { status: string; testId?: string }) {
  const lang = useLang();
  const color = (CASE_STATUSES as readonly string[]).includes(status) ? STATUS_COLORS[status as CaseStatus] : undefined;
  return (
    <Tag color={color} data-testid={testId}>
      {statusName(status, lang)}
    </Tag>
  );
}
