import {
  CASE_NODE_NAMES,
  CASE_STATUS_NAMES,
  CASE_TYPES,
  type CaseNode,
  type CaseStatus,
  CLOSURE_METHOD_NAMES,
  causeByCode,
  causePath,
  isCaseTypeCode,
  PARTY_ROLE_NAMES,
  type PartyRoleCode,
} from '@courtassist/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import { type Bilingual, type Lang, pickText } from '../../shared/lib/lang';

export const DATE_FORMAT = 'YYYY-MM-DD';

/** Today in China Standard Time (dates of law are CST calendar dates, whatever the browser's zone). */
export function chinaToday(now: number = Date.now()): Dayjs {
  return dayjs(new Date(now + 8 * 3_600_000).toISOString().slice(0, 10));
}

export function toIsoDate(value: Dayjs | null | undefined): string | undefined {
  return value ? value.format(DATE_FORMAT) : undefined;
}

/** Days from today (CST) until an ISO date; negative when past. */
export function daysUntil(date: string): number {
  return dayjs(date).diff(chinaToday(), 'day');
}

function known<K extends string>(table: Readonly<Record<K, Bilingual>>, code: string): Bilingual | undefined {
  return Object.hasOwn(table, code) ? table[code as K] : undefined;
}

export function caseTypeName(code: string, lang: Lang): string {
  return isCaseTypeCode(code) ? pickText(lang, CASE_TYPES[code].name) : code;
}

export function statusName(status: string, lang: Lang): string {
  const name = known(CASE_STATUS_NAMES, status);
  return name ? pickText(lang, name) : status;
}

export function nodeName(node: string, lang: Lang): string {
  const name = known(CASE_NODE_NAMES, node);
  return name ? pickText(lang, name) : node;
}

export function closureName(method: string, lang: Lang): string {
  const name = known(CLOSURE_METHOD_NAMES, method);
  return name ? pickText(lang, name) : method;
}

export function roleName(role: string, lang: Lang): string {
  const name = known(PARTY_ROLE_NAMES, role);
  return name ? pickText(lang, name) : role;
}

/** The roles a case of this type offers its parties, most common first. */
export function rolesOf(caseTypeCode: string | undefined): readonly PartyRoleCode[] {
  return caseTypeCode && isCaseTypeCode(caseTypeCode) ? CASE_TYPES[caseTypeCode].partyRoles : [];
}

/** The cause's name from the catalogue in contracts; the code when it is unknown. */
export function causeName(code: string | null | undefined, lang: Lang): string {
  if (!code) return '—';
  const cause = causeByCode(code);
  return cause ? pickText(lang, cause.name) : code;
}

/** The cause with its ancestors below the top level, e.g. 合同纠纷 / 借款合同纠纷 / 民间借贷纠纷. */
export function causeTrail(code: string, lang: Lang): string {
  const path = causePath(code);
  if (path.length === 0) return code;
  return path
    .slice(path.length > 1 ? 1 : 0)
    .map((c) => pickText(lang, c.name))
    .join(' / ');
}

/** A trial limit as people say it: 3个月, 30日, or 无审限. */
export function limitText(t: TFunction, limit: { limitMonths: number | null; limitDays: number | null }): string {
  if (limit.limitMonths !== null) return t('cases.limit.months', { count: limit.limitMonths });
  if (limit.limitDays !== null) return t('cases.limit.days', { count: limit.limitDays });
  return t('cases.limit.none');
}

/**
 * The deadline calculator writes "中文 (English)"; shows the half in the current language
 * (the whole text when it does not have that shape).
 */
export function bilingualPart(text: string, lang: Lang): string {
  const match = /^(.*?)\s*\((.+)\)$/s.exec(text.trim());
  if (!match) return text;
  return lang === 'en' ? match[2] : match[1];
}

/** ID numbers in full only for those who handle cases; others see the first 6 and last 4 characters. */
export function maskIdNumber(value: string | null, reveal: boolean): string {
  if (!value) return '—';
  if (reveal || value.length <= 10) return value;
  return `${value.slice(0, 6)}${'*'.repeat(value.length - 10)}${value.slice(-4)}`;
}

export const STATUS_COLORS: Readonly<Record<CaseStatus, string>> = {
  'pending-assignment': 'gold',
  open: 'processing',
  closed: 'success',
  archived: 'default',
};

export function isCaseNode(value: string): value is CaseNode {
  return Object.hasOwn(CASE_NODE_NAMES, value);
}
