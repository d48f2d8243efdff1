import {
  ASSESSMENT_GRADE_NAMES,
  ASSESSMENT_RUN_STATE_NAMES,
  type AssessmentGrade,
  type AssessmentRunState,
  SUBSIDY_STATUS_NAMES,
  type SubsidyStatus,
} from '@courtassist/contracts';
import { DatePicker, Tag } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useBilingual } from '../../../shared/lib/lang';
import { lastMonth } from './api';

const GRADE_COLOURS: Record<AssessmentGrade, string> = { excellent: 'green', qualified: 'blue', basic: 'orange', unqualified: 'red' };
const STATE_COLOURS: Record<AssessmentRunState, string> = { draft: 'default', published: 'gold', final: 'green' };
const STATUS_COLOURS: Record<SubsidyStatus, string> = { draft: 'default', submitted: 'gold', approved: 'green', returned: 'red' };

export function GradeTag({ grade }: { grade: AssessmentGrade }) {
  const text = useBilingual();
  return (
    <Tag color={GRADE_COLOURS[grade]} data-testid={`grade-${grade}`}>
      {text(ASSESSMENT_GRADE_NAMES[grade])}
    </Tag>
  );
}

export function RunStateTag({ state }: { state: AssessmentRunState }) {
  const text = useBilingual();
  return (
    <Tag color={STATE_COLOURS[state]} data-testid={`run-state-${state}`}>
      {text(ASSESSMENT_RUN_STATE_NAMES[state])}
    </Tag>
  );
}

export function StatementStatusTag({ status }: { status: SubsidyStatus }) {
  const text = useBilingual();
  return (
    <Tag color={STATUS_COLOURS[status]} data-testid={`statement-status-${status}`}>
      {text(SUBSIDY_STATUS_NAMES[status])}
    </Tag>
  );
}

/** The month a page shows: `?month=YYYY-MM` in the URL, else last month. */
export function useMonthParam(): [string, (month: string) => void] {
  const [params, setParams] = useSearchParams();
  const value = params.get('month');
  const month = value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value) ? value : lastMonth();
  return [
    month,
    (next) =>
      setParams(
        (prev) => {
          const p = new URLSearchParams(prev);
          p.set('month', next);
          return p;
        },
        { replace: true },
      ),
  ];
}

export function MonthPicker({ value, onChange }: { value: string; onChange: (month: string) => void }) {
  const { t } = useTranslation();
  return (
    <DatePicker
      picker="month"
      allowClear={false}
      format="YYYY-MM"
      aria-label={t('networkAssessment.month')}
      data-testid="month-picker"
      value={dayjs(`${value}-01`)}
      disabledDate={(d) => d.isAfter(dayjs(), 'month')}
      onChange={(d) => d && onChange(d.format('YYYY-MM'))}
    />
  );
}
