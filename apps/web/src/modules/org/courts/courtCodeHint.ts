import type { CourtLevel } from '@courtassist/contracts';

/** i18n keys of the hint explaining the court-code rule of each level. */
export const COURT_CODE_HINT_KEYS = {
  higher: 'org.court.codeHint.higher',
  intermediate: 'org.court.codeHint.intermediate',
  basic: 'org.court.codeHint.basic',
  tribunal: 'org.court.codeHint.tribunal',
} as const satisfies Record<CourtLevel, string>;
