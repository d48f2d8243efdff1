import { ERRORS, type ErrorCode, WORK_ORDER_STATUS_NAMES, type WorkOrderStatus } from '@courtassist/contracts';
import type { TFunction } from 'i18next';
import { type Lang, pickText } from '../../shared/lib/lang';

export const STATUS_COLORS: Record<WorkOrderStatus, string> = {
  initiated: 'gold',
  accepted: 'blue',
  'in-progress': 'processing',
  feedback: 'cyan',
  completed: 'green',
  returned: 'orange',
  withdrawn: 'default',
};

export function statusName(status: WorkOrderStatus, lang: Lang): string {
  return pickText(lang, WORK_ORDER_STATUS_NAMES[status]);
}

/** The type's name in the interface language. */
export function typeName(order: { typeNameZh: string; typeNameEn: string }, lang: Lang): string {
  return lang === 'en' ? order.typeNameEn : order.typeNameZh;
}

/** The text of an error code from a bulk answer, e.g. ALREADY_CLAIMED → 该工单已被他人认领. */
export function codeText(code: string | null, lang: Lang): string {
  if (!code) return '';
  const spec = Object.hasOwn(ERRORS, code) ? ERRORS[code as ErrorCode] : null;
  return spec ? pickText(lang, spec) : code;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "剩余 2 天 3 小时" or "已超时 5 小时 10 分" from now to the due time. */
export function timeLeft(t: TFunction, dueAt: string, now = Date.now()): { text: string; overdue: boolean } {
  const diff = new Date(dueAt).getTime() - now;
  const overdue = diff < 0;
  const span = Math.abs(diff);
  const days = Math.floor(span / DAY);
  const hours = Math.floor((span % DAY) / HOUR);
  const minutes = Math.floor((span % HOUR) / MINUTE);
  if (days > 0) return { overdue, text: t(overdue ? 'workOrders.due.overDays' : 'workOrders.due.leftDays', { days, hours }) };
  if (hours > 0) return { overdue, text: t(overdue ? 'workOrders.due.overHours' : 'workOrders.due.leftHours', { hours, minutes }) };
  return { overdue, text: t(overdue ? 'workOrders.due.overMinutes' : 'workOrders.due.leftMinutes', { minutes }) };
}
