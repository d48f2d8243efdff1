import type { DeliveryStatus } from '@courtassist/contracts';
import { Tag } from 'antd';
import { useLang } from '../../shared/lib/lang';
import { STATUS_COLORS, statusName } from './labels';

export function StatusTag({ status }: { status: DeliveryStatus }) {
  const lang = useLang();
  return (
    <Tag color={STATUS_COLORS[status]} bordered={false} data-testid="delivery-status" data-status={status}>
      {statusName(status, lang)}
    </Tag>
  );
}
