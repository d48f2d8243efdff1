import type { LimitChangeView } from '@courtassist/contracts';
import { Tag } from 'antd';
import { KIND_COLORS, STATUS_COLORS, useLimitLabels } from './labels';

/** 延长审限 / 扣除审限 / 中止审理. */
export function LimitKindTag({ kind }: { kind: LimitChangeView['kind'] }) {
  const labels = useLimitLabels();
  return (
    <Tag color={KIND_COLORS[kind]} bordered={false} data-testid="limit-change-kind">
      {labels.kind(kind)}
    </Tag>
  );
}

/** 待庭长审批 / 待院长审批 / 已批准 / 未批准 / 已撤回. */
export function LimitStatusTag({ status }: { status: LimitChangeView['status'] }) {
  const labels = useLimitLabels();
  return (
    <Tag color={STATUS_COLORS[status]} data-testid="limit-change-status" style={{ marginInlineEnd: 0 }}>
      {labels.status(status)}
    </Tag>
  );
}
