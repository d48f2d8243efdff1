import { z } from 'zod';
import type { DepartmentKind } from './courts.js';
import { type LimitLength, PROCEDURE_CODES, type ProcedureCode, TRIAL_LIMITS } from './deadlines.js';

/**
 * Case types (案件类型代字, the part of a case number after the court code), their procedures,
 * the department that hears them and the party roles a new case starts with. Pure data.
 */

type Name = { zh: string; en: string };

// ---------------------------------------------------------------------------------------------
// Party roles (诉讼地位)

export const PARTY_ROLE_CODES = [
  'plaintiff',
  'defendant',
  'third-party',
  'appellant',
  'appellee',
  'original-plaintiff',
  'original-defendant',
  'original-third-party',
  'retrial-applicant',
  'applicant',
  'respondent',
  'prosecutor',
  'private-prosecutor',
  'accused',
  'victim',
  'civil-claimant',
  'civil-defendant',
  'original-prosecutor',
  'protesting-procuratorate',
  'original-accused',
  'enforcement-applicant',
  'enforcement-respondent',
  'preservation-applicant',
  'preservation-respondent',
  'objector',
  'outsider',
] as const;
export type PartyRoleCode = (typeof PARTY_ROLE_CODES)[number];

export const PARTY_ROLE_NAMES: Readonly<Record<PartyRoleCode, Name>> = {
  plaintiff: { zh: '原告', en: 'Plaintiff' },
  defendant: { zh: '被告', en: 'Defendant' },
  'third-party': { zh: '第三人', en: 'Third party' },
  appellant: { zh: '上诉人', en: 'Appellant' },
  appellee: { zh: '被上诉人', en: 'Appellee' },
  'original-plaintiff': { zh: '原审原告', en: 'Plaintiff below' },
  'original-defendant': { zh: '原审被告', en: 'Defendant below' },
  'original-third-party': { zh: '原审第三人', en: 'Third party below' },
  'retrial-applicant': { zh: '再审申请人', en: 'Applicant for retrial' },
  applicant: { zh: '申请人', en: 'Applicant' },
  respondent: { zh: '被申请人', en: 'Respondent' },
  prosecutor: { zh: '公诉机关', en: 'Public prosecutor' },
  'private-prosecutor': { zh: '自诉人', en: 'Private prosecutor' },
  accused: { zh: '被告人', en: 'Accused' },
  victim: { zh: '被害人', en: 'Victim' },
  'civil-claimant': { zh: '附带民事诉讼原告人', en: 'Plaintiff in the incidental civil action' },
  'civil-defendant': { zh: '附带民事诉讼被告人', en: 'Defendant in the incidental civil action' },
  'original-prosecutor': { zh: '原公诉机关', en: 'Prosecutor below' },
  'protesting-procuratorate': { zh: '抗诉机关', en: 'Protesting procuratorate' },
  'original-accused': { zh: '原审被告人', en: 'Accused below' },
  'enforcement-applicant': { zh: '申请执行人', en: 'Enforcement applicant' },
  'enforcement-respondent': { zh: '被执行人', en: 'Person subject to enforcement' },
  'preservation-applicant': { zh: '申请保全人', en: 'Preservation applicant' },
  'preservation-respondent': { zh: '被保全人', en: 'Person subject to preservation' },
  objector: { zh: '异议人', en: 'Objector' },
  outsider: { zh: '案外人', en: 'Non-party (outsider)' },
};

// ---------------------------------------------------------------------------------------------
// Procedures outside the trial-limit table

/**
 * Procedures that a case type needs but `deadlines.ts` (PROCEDURE_CODES / TRIAL_LIMITS) does not
 * list, with the limit that applies to them (`null`: no statutory time limit) and why.
 */
export const EXTRA_PROCEDURE_CODES = ['civil-retrial-review', 'enforcement-preservation', 'enforcement-objection'] as const;
export type ExtraProcedureCode = (typeof EXTRA_PROCEDURE_CODES)[number];
export type CaseProcedureCode = ProcedureCode | ExtraProcedureCode;

export interface ExtraProcedure extends Name {
  limit: LimitLength | null;
  basis: Name;
}

export const EXTRA_PROCEDURES: Readonly<Record<ExtraProcedureCode, ExtraProcedure>> = {
  // The Civil Procedure Law gives the court three months from receiving the application to
  // decide whether to retry; the president may extend it. It is a real limit, so it is kept.
  'civil-retrial-review': {
    zh: '民事再审审查',
    en: 'Civil retrial review',
    limit: { months: 3 },
    basis: {
      zh: '民事诉讼法：自收到再审申请书之日起三个月内审查，有特殊情况需要延长的由本院院长批准',
      en: 'Civil Procedure Law: decided within three months of receiving the application; the president may extend it',
    },
  },
  // A preservation ruling is made within hours (48 hours when urgent) in the case that asked for
  // it, and must then be carried out at once; the enforcement case has no months-long limit. What
  // runs out is the seizure / freeze term itself, which the enforcement module watches instead.
  'enforcement-preservation': {
    zh: '财产保全执行',
    en: 'Enforcement of a preservation ruling',
    limit: null,
    basis: {
      zh: '保全裁定应立即开始执行，无办理期限；须关注查封、冻结期限届满（续封预警）',
      en: 'A preservation ruling is carried out at once, with no handling limit; the seizure or freeze term is watched instead',
    },
  },
  // Objections to an enforcement act and objections by a non-party both have to be examined
  // within fifteen days of receiving the written objection (Civil Procedure Law).
  'enforcement-objection': {
    zh: '执行异议审查',
    en: 'Enforcement objection review',
    limit: { days: 15 },
    basis: {
      zh: '民事诉讼法：自收到书面异议之日起十五日内审查',
      en: 'Civil Procedure Law: examined within fifteen days of receiving the written objection',
    },
  },
};

export const CASE_PROCEDURE_CODES = [...PROCEDURE_CODES, ...EXTRA_PROCEDURE_CODES] as const;

function isExtraProcedure(code: CaseProcedureCode): code is ExtraProcedureCode {
  return code in EXTRA_PROCEDURES;
}

/** The time limit of a procedure, or null when none applies. */
export function procedureLimit(code: CaseProcedureCode): LimitLength | null {
  if (isExtraProcedure(code)) return EXTRA_PROCEDURES[code].limit;
  const { months, days } = TRIAL_LIMITS[code];
  return months !== undefined ? { months } : { days: days as number };
}

/** The bilingual name of a procedure. */
export function procedureName(code: CaseProcedureCode): Name {
  const { zh, en } = isExtraProcedure(code) ? EXTRA_PROCEDURES[code] : TRIAL_LIMITS[code];
  return { zh, en };
}

// ---------------------------------------------------------------------------------------------
// Case types

export const CASE_CATEGORIES = ['civil', 'criminal', 'administrative', 'enforcement', 'mediation'] as const;
export type CaseCategory = (typeof CASE_CATEGORIES)[number];

export const CASE_CATEGORY_NAMES: Readonly<Record<CaseCategory, Name>> = {
  civil: { zh: '民事', en: 'Civil' },
  criminal: { zh: '刑事', en: 'Criminal' },
  administrative: { zh: '行政', en: 'Administrative' },
  enforcement: { zh: '执行', en: 'Enforcement' },
  mediation: { zh: '诉前调解', en: 'Pre-filing mediation' },
};

export const CASE_TYPE_CODES = ['民初', '民终', '民申', '民特', '刑初', '刑终', '行初', '行终', '执', '执保', '执异', '民诉前调'] as const;
export type CaseTypeCode = (typeof CASE_TYPE_CODES)[number];

export interface CaseType {
  code: CaseTypeCode;
  name: Name;
  category: CaseCategory;
  /** The kind of department that hears it (courts.ts DEPARTMENT_KINDS). */
  department: DepartmentKind;
  /** Allowed procedures; the first is the default a filing form offers. */
  procedures: readonly CaseProcedureCode[];
  /** Roles a new case offers for its parties, most common first. */
  partyRoles: readonly PartyRoleCode[];
}

const APPEAL_ROLES: readonly PartyRoleCode[] = [
  'appellant',
  'appellee',
  'original-plaintiff',
  'original-defendant',
  'original-third-party',
];

type CaseTypeSpec = Omit<CaseType, 'code'>;

const SPECS: Readonly<Record<CaseTypeCode, CaseTypeSpec>> = {
  民初: {
    name: { zh: '民事一审', en: 'Civil first instance' },
    category: 'civil',
    department: 'civil',
    procedures: ['civil-first-ordinary', 'civil-first-simple', 'civil-small-claims'],
    partyRoles: ['plaintiff', 'defendant', 'third-party'],
  },
  民终: {
    name: { zh: '民事二审', en: 'Civil second instance' },
    category: 'civil',
    department: 'civil',
    procedures: ['civil-second-judgment', 'civil-second-ruling'],
    partyRoles: APPEAL_ROLES,
  },
  // Retrial review is heard on the civil side: DEPARTMENT_KINDS has no trial-supervision division.
  民申: {
    name: { zh: '民事申请再审审查', en: 'Civil retrial application' },
    category: 'civil',
    department: 'civil',
    procedures: ['civil-retrial-review'],
    partyRoles: ['retrial-applicant', 'respondent', 'original-plaintiff', 'original-defendant', 'original-third-party'],
  },
  民特: {
    name: { zh: '民事特别程序', en: 'Civil special procedure' },
    category: 'civil',
    department: 'civil',
    procedures: ['civil-special'],
    partyRoles: ['applicant', 'respondent'],
  },
  刑初: {
    name: { zh: '刑事一审', en: 'Criminal first instance' },
    category: 'criminal',
    department: 'criminal',
    procedures: ['criminal-first-ordinary', 'criminal-first-simple', 'criminal-fast-track'],
    // 自诉人 replaces 公诉机关 in a private prosecution, which is filed as 刑初 too.
    partyRoles: ['prosecutor', 'accused', 'victim', 'civil-claimant', 'civil-defendant', 'private-prosecutor'],
  },
  刑终: {
    name: { zh: '刑事二审', en: 'Criminal second instance' },
    category: 'criminal',
    department: 'criminal',
    procedures: ['criminal-second'],
    partyRoles: ['appellant', 'original-prosecutor', 'protesting-procuratorate', 'original-accused', 'victim'],
  },
  行初: {
    name: { zh: '行政一审', en: 'Administrative first instance' },
    category: 'administrative',
    department: 'administrative',
    procedures: ['admin-first-ordinary', 'admin-first-simple'],
    partyRoles: ['plaintiff', 'defendant', 'third-party'],
  },
  行终: {
    name: { zh: '行政二审', en: 'Administrative second instance' },
    category: 'administrative',
    department: 'administrative',
    procedures: ['admin-second'],
    partyRoles: APPEAL_ROLES,
  },
  执: {
    name: { zh: '首次执行', en: 'Enforcement' },
    category: 'enforcement',
    department: 'enforcement',
    procedures: ['enforcement'],
    partyRoles: ['enforcement-applicant', 'enforcement-respondent'],
  },
  执保: {
    name: { zh: '财产保全执行', en: 'Enforcement of preservation' },
    category: 'enforcement',
    department: 'enforcement',
    procedures: ['enforcement-preservation'],
    partyRoles: ['preservation-applicant', 'preservation-respondent'],
  },
  执异: {
    name: { zh: '执行异议', en: 'Enforcement objection' },
    category: 'enforcement',
    department: 'enforcement',
    procedures: ['enforcement-objection'],
    partyRoles: ['objector', 'enforcement-applicant', 'enforcement-respondent', 'outsider'],
  },
  // Pre-filing mediation is run by the filing division (诉讼服务 / 诉调对接), not a trial division.
  民诉前调: {
    name: { zh: '民事诉前调解', en: 'Civil pre-filing mediation' },
    category: 'mediation',
    department: 'filing',
    procedures: ['pre-filing-mediation'],
    partyRoles: ['applicant', 'respondent'],
  },
};

/** Every case type, keyed by its code (the record literal above makes the compiler check all are there). */
export const CASE_TYPES: Readonly<Record<CaseTypeCode, CaseType>> = (() => {
  const types = {} as Record<CaseTypeCode, CaseType>;
  for (const code of CASE_TYPE_CODES) types[code] = { code, ...SPECS[code] };
  return types;
})();

const CASE_TYPE_SET: ReadonlySet<string> = new Set(CASE_TYPE_CODES);

export function isCaseTypeCode(value: unknown): value is CaseTypeCode {
  return typeof value === 'string' && CASE_TYPE_SET.has(value);
}

/** True when `procedure` may be used for a case of type `type`. */
export function isProcedureOf(type: CaseTypeCode, procedure: string): boolean {
  return (CASE_TYPES[type].procedures as readonly string[]).includes(procedure);
}

export const caseTypeCode = z.enum(CASE_TYPE_CODES);
export const caseCategory = z.enum(CASE_CATEGORIES);
export const caseProcedureCode = z.enum(CASE_PROCEDURE_CODES);
export const partyRoleCode = z.enum(PARTY_ROLE_CODES);
