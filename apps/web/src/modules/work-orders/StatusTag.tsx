import type { WorkOrderStatus } from '@courtassist/contracts';
import { Tag } from 'antd';
import { useLang } from '../../shared/lib/lang';
import { STATUS_COLORS, statusName } from './labels';

export function StatusTag({ status, testId }: { status: WorkOrderStatus; testId?: string }) {
  const lang = useLang();
  return (
    <Tag color={STATUS_COLORS[status]} bordered={false} data-testid={testId} data-status={status} style={{ marginInlineEnd: 0 }}>
      {statusName(status, lang)}
    </Tag>
  );
}
