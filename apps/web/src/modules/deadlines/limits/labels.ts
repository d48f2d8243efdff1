import {
  DEDUCTION_KIND_NAMES,
  type DeductionKind,
  LIMIT_CHANGE_KIND_NAMES,
  LIMIT_CHANGE_STATUS_NAMES,
  type LimitChangeStatus,
  type LimitChangeView,
  type LimitDecisionStep,
} from '@courtassist/contracts';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useBilingual } from '../../../shared/lib/lang';

export const DATE_FORMAT = 'YYYY-MM-DD';

/** Today in China Standard Time: dates of law are CST calendar dates, whatever the browser's zone. */
export function chinaToday(now: number = Date.now()): Dayjs {
  return dayjs(new Date(now + 8 * 3_600_000).toISOString().slice(0, 10));
}

export function toIsoDate(value: Dayjs | null | undefined): string | undefined {
  return value ? value.format(DATE_FORMAT) : undefined;
}

export const STATUS_COLORS: Readonly<Record<LimitChangeStatus, string>> = {
  requested: 'gold',
  'head-approved': 'orange',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

export const KIND_COLORS: Readonly<Record<LimitChangeView['kind'], string>> = {
  extension: 'blue',
  deduction: 'cyan',
  suspension: 'purple',
};

/** Names of kinds, statuses, steps and the length or dates of a change, in the interface language. */
export function useLimitLabels() {
  const { t } = useTranslation();
  const bilingual = useBilingual();
  return useMemo(() => {
    const deductionKind = (code: string | null) =>
      code && Object.hasOwn(DEDUCTION_KIND_NAMES, code) ? bilingual(DEDUCTION_KIND_NAMES[code as DeductionKind]) : (code ?? '');
    return {
      kind: (kind: LimitChangeView['kind']) => bilingual(LIMIT_CHANGE_KIND_NAMES[kind]),
      status: (status: LimitChangeStatus) => bilingual(LIMIT_CHANGE_STATUS_NAMES[status]),
      step: (step: LimitDecisionStep) => t(`limits.step.${step}`),
      deductionKind,
      /** 3个月 (an extension) · 公告 2026-01-05 至 2026-02-04 · 自 2026-03-01 起 (a suspension not yet resumed). */
      length(change: Pick<LimitChangeView, 'kind' | 'months' | 'days' | 'deductionKind' | 'fromOn' | 'toOn'>): string {
        if (change.kind === 'extension') {
          return change.months ? t('limits.length.months', { count: change.months }) : t('limits.length.days', { count: change.days ?? 0 });
        }
        const from = change.fromOn ?? '—';
        const dates = change.toOn ? t('limits.length.span', { from, to: change.toOn }) : t('limits.length.since', { from });
        return change.kind === 'deduction' ? `${deductionKind(change.deductionKind)} ${dates}` : dates;
      },
    };
  }, [t, bilingual]);
}
