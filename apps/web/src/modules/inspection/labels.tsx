import {
  DEFECT_STATUS_NAMES,
  type DefectStatus,
  INSPECTION_SEVERITY_NAMES,
  type InspectionSeverity,
  WORK_ORDER_STATUS_NAMES,
  type WorkOrderStatus,
} from '@courtassist/contracts';
import { Tag } from 'antd';
import { pickText, useLang } from '../../shared/lib/lang';

export const SEVERITY_COLORS: Record<InspectionSeverity, string> = { error: 'red', warning: 'orange', info: 'blue' };
const STATUS_COLORS: Record<DefectStatus, string> = { open: 'volcano', fixed: 'green', waived: 'default' };

export function SeverityTag({ severity }: { severity: InspectionSeverity }) {
  const lang = useLang();
  return (
    <Tag color={SEVERITY_COLORS[severity]} data-severity={severity} style={{ marginInlineEnd: 0 }}>
      {pickText(lang, INSPECTION_SEVERITY_NAMES[severity])}
    </Tag>
  );
}

export function DefectStatusTag({ status }: { status: DefectStatus }) {
  const lang = useLang();
  return (
    <Tag color={STATUS_COLORS[status]} bordered={false} data-testid="defect-status" data-status={status} style={{ marginInlineEnd: 0 }}>
      {pickText(lang, DEFECT_STATUS_NAMES[status])}
    </Tag>
  );
}

/** The name of a correction order's status; the API gives it as a plain string. */
export function correctionStatusName(status: string, lang: 'zh-CN' | 'en'): string {
  const names = WORK_ORDER_STATUS_NAMES[status as WorkOrderStatus];
  return names ? pickText(lang, names) : status;
}
