import { type CaseTypeCode, PARTY_ROLE_NAMES, type PartyRoleCode } from '@courtassist/contracts';

/**
 * Parties a case of each type cannot be filed without: every listed role must appear at least
 * once. A second-instance case needs its appellant; a criminal case its accused; enforcement
 * both the applicant and the person against whom it is sought.
 */
export const REQUIRED_ROLES: Readonly<Record<CaseTypeCode, readonly PartyRoleCode[]>> = {
  民初: ['plaintiff', 'defendant'],
  民终: ['appellant'],
  民申: ['retrial-applicant'],
  民特: ['applicant'],
  刑初: ['accused'],
  刑终: ['original-accused'],
  行初: ['plaintiff', 'defendant'],
  行终: ['appellant'],
  执: ['enforcement-applicant', 'enforcement-respondent'],
  执保: ['preservation-applicant'],
  执异: ['objector'],
  民诉前调: ['applicant'],
};

export function requiredRolesMissing(type: CaseTypeCode, roles: readonly string[]): { zh: string; en: string }[] {
  return REQUIRED_ROLES[type].filter((role) => !roles.includes(role)).map((role) => PARTY_ROLE_NAMES[role]);
}

/** Today's date in China Standard Time (UTC+8, no daylight saving). */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A calendar date plus whole days (node due dates count calendar days). */
export function addDaysIso(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** 220102********1235: the region and the last four characters stay, the birth date is hidden. */
export function maskIdNumber(idNumber: string): string {
  return idNumber.length <= 10
    ? '*'.repeat(idNumber.length)
    : `${idNumber.slice(0, 6)}${'*'.repeat(idNumber.length - 10)}${idNumber.slice(-4)}`;
}
