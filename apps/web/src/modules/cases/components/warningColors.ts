import type { WarningLevel } from '@courtassist/contracts';

/** Tag colours of the trial-limit warnings, from 30 days left (blue) to overdue (red). */
export const WARNING_COLORS: Readonly<Record<WarningLevel, string | undefined>> = {
  none: undefined,
  '30': 'blue',
  '15': 'gold',
  '7': 'orange',
  '3': 'volcano',
  overdue: 'red',
};
