import { HEARING_STATUS_NAMES, type HearingStatus } from '@courtassist/contracts';
import { Tag } from 'antd';
import { useBilingual } from '../../shared/lib/lang';

const COLOURS: Record<HearingStatus, string> = { scheduled: 'blue', held: 'green', cancelled: 'default' };

/** 已排期 / 已开庭 / 已取消. */
export function HearingStatusTag({ status }: { status: HearingStatus }) {
  const bilingual = useBilingual();
  return (
    <Tag color={COLOURS[status]} data-testid="hearing-status">
      {bilingual(HEARING_STATUS_NAMES[status])}
    </Tag>
  );
}
