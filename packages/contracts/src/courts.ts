/** Court levels and the rules for court codes (法院代字). Pure; shared by API and web. */
export const COURT_LEVELS = ['higher', 'intermediate', 'basic', 'tribunal'] as const;
export type CourtLevel = (typeof COURT_LEVELS)[number];

export const COURT_LEVEL_NAMES: Record<CourtLevel, { zh: string; en: string }> = {
  higher: { zh: '高级人民法院', en: 'Higher court' },
  intermediate: { zh: '中级人民法院', en: 'Intermediate court' },
  basic: { zh: '基层人民法院', en: 'Basic court' },
  tribunal: { zh: '人民法庭', en: "People's tribunal" },
};

/** The level a court's parent must have; null means the court is a root. */
export const PARENT_LEVEL: Record<CourtLevel, CourtLevel | null> = {
  higher: null,
  intermediate: 'higher',
  basic: 'intermediate',
  tribunal: 'basic',
};

// A province abbreviation is one CJK character (吉, 京, 新 …); the military and railway
// transport court systems use other forms that this system does not model.
const CJK = '[\\u4e00-\\u9fff]';
const CODE_PATTERN: Record<Exclude<CourtLevel, 'tribunal'>, RegExp> = {
  higher: new RegExp(`^${CJK}$`),
  intermediate: new RegExp(`^${CJK}\\d{2}$`),
  basic: new RegExp(`^${CJK}\\d{4}$`),
};

/**
 * Checks a court code against its level and its parent's code:
 * 吉 (higher) → 吉01 (intermediate) → 吉0102 (basic). A people's tribunal files cases under its
 * basic court's code, so its code must equal the parent's.
 */
export function checkCourtCode(level: CourtLevel, code: string, parentCode: string | null): boolean {
  if (level === 'tribunal') return parentCode !== null && code === parentCode;
  if (!CODE_PATTERN[level].test(code)) return false;
  if (level === 'higher') return parentCode === null;
  const parentLevel = PARENT_LEVEL[level] as Exclude<CourtLevel, 'tribunal'>;
  return parentCode !== null && CODE_PATTERN[parentLevel].test(parentCode) && code.startsWith(parentCode);
}

export const DEPARTMENT_KINDS = [
  'filing',
  'civil',
  'criminal',
  'administrative',
  'enforcement',
  'management',
  'centre',
  'tribunal',
  'office',
  'other',
] as const;
export type DepartmentKind = (typeof DEPARTMENT_KINDS)[number];

export const DEPARTMENT_KIND_NAMES: Record<DepartmentKind, { zh: string; en: string }> = {
  filing: { zh: '立案庭', en: 'Case filing' },
  civil: { zh: '民事审判庭', en: 'Civil division' },
  criminal: { zh: '刑事审判庭', en: 'Criminal division' },
  administrative: { zh: '行政审判庭', en: 'Administrative division' },
  enforcement: { zh: '执行局', en: 'Enforcement bureau' },
  management: { zh: '审判管理办公室', en: 'Trial management office' },
  centre: { zh: '集约中心', en: 'Auxiliary-affairs centre' },
  tribunal: { zh: '人民法庭', en: "People's tribunal" },
  office: { zh: '综合部门', en: 'General office' },
  other: { zh: '其他', en: 'Other' },
};

/** Positions inside a trial team (审判团队). */
export const TEAM_POSITIONS = ['judge', 'assistant', 'clerk'] as const;
export type TeamPosition = (typeof TEAM_POSITIONS)[number];
export type TeamTemplate = Record<TeamPosition, number>;
export const DEFAULT_TEAM_TEMPLATE: TeamTemplate = { judge: 1, assistant: 1, clerk: 1 };
