import {
  DEFECT_STATUS_NAMES,
  DEFECT_STATUSES,
  type DefectStatus,
  INSPECTION_SEVERITIES,
  INSPECTION_SEVERITY_NAMES,
  type InspectionSeverity,
} from '@courtassist/contracts';
import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { pickText, useLang } from '../../shared/lib/lang';
import { CourtTreeSelect } from '../org';
import { useInspectionRules } from './api';

export interface DefectFilterValue {
  courtId: number | null;
  ruleCode: string | null;
  status: DefectStatus | null;
  severity: InspectionSeverity | null;
}

interface DefectFiltersProps {
  value: DefectFilterValue;
  onChange: (patch: Partial<DefectFilterValue>) => void;
}

/** Court (of the user's scope), rule, status and severity of the defects listed. */
export function DefectFilters({ value, onChange }: DefectFiltersProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const rules = useInspectionRules();
  const ruleOptions = (rules.data?.items ?? []).map((r) => ({ value: r.code, label: lang === 'en' ? r.nameEn : r.nameZh }));

  return (
    <Form layout="inline" style={{ rowGap: 12, marginBottom: 16 }}>
      <Form.Item label={t('inspection.filter.court')}>
        <CourtTreeSelect
          allowClear
          value={value.courtId}
          placeholder={t('inspection.filter.allCourts')}
          style={{ width: 220 }}
          data-testid="defect-court"
          onChange={(courtId) => onChange({ courtId })}
        />
      </Form.Item>
      <Form.Item label={t('inspection.filter.rule')}>
        <Select<string | null>
          allowClear
          showSearch
          optionFilterProp="label"
          loading={rules.isPending}
          value={value.ruleCode}
          placeholder={t('inspection.filter.allRules')}
          options={ruleOptions}
          style={{ width: 240 }}
          popupMatchSelectWidth={false}
          data-testid="defect-rule"
          onChange={(ruleCode) => onChange({ ruleCode: ruleCode ?? null })}
        />
      </Form.Item>
      <Form.Item label={t('inspection.filter.status')}>
        <Select<DefectStatus | null>
          allowClear
          value={value.status}
          placeholder={t('inspection.filter.allStatuses')}
          options={DEFECT_STATUSES.map((s) => ({ value: s, label: pickText(lang, DEFECT_STATUS_NAMES[s]) }))}
          style={{ width: 130 }}
          data-testid="defect-status-filter"
          onChange={(status) => onChange({ status: status ?? null })}
        />
      </Form.Item>
      <Form.Item label={t('inspection.filter.severity')}>
        <Select<InspectionSeverity | null>
          allowClear
          value={value.severity}
          placeholder={t('inspection.filter.allSeverities')}
          options={INSPECTION_SEVERITIES.map((s) => ({ value: s, label: pickText(lang, INSPECTION_SEVERITY_NAMES[s]) }))}
          style={{ width: 130 }}
          data-testid="defect-severity"
          onChange={(severity) => onChange({ severity: severity ?? null })}
        />
      </Form.Item>
    </Form>
  );
}
