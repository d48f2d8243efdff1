import { SearchOutlined, UndoOutlined } from '@ant-design/icons';
import { CASE_STATUSES, CASE_TYPE_CODES, WARNING_LEVELS } from '@courtassist/contracts';
import { Button, DatePicker, Form, Input, Select, Space, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLang } from '../../../shared/lib/lang';
import { CourtTreeSelect } from '../../org';
import type { CaseFilters as Filters } from '../api';
import { caseTypeName, DATE_FORMAT, statusName, toIsoDate } from '../labels';

interface FormValues {
  caseNumber?: string;
  party?: string;
  caseTypeCode?: Filters['caseTypeCode'];
  status?: Filters['status'];
  warningLevel?: Filters['warningLevel'];
  filed?: [Dayjs | null, Dayjs | null];
  mine?: boolean;
  courtId?: number | null;
}

/** Text fields apply on 查询 (or Enter); choices apply at once. */
const TYPED: (keyof FormValues)[] = ['caseNumber', 'party'];

function toValues(filters: Filters): FormValues {
  return {
    caseNumber: filters.caseNumber,
    party: filters.party,
    caseTypeCode: filters.caseTypeCode,
    status: filters.status,
    warningLevel: filters.warningLevel,
    filed:
      filters.filedFrom || filters.filedTo
        ? [filters.filedFrom ? dayjs(filters.filedFrom) : null, filters.filedTo ? dayjs(filters.filedTo) : null]
        : undefined,
    mine: filters.mine === 'true',
    courtId: filters.courtId ?? null,
  };
}

function toFilters(values: FormValues): Filters {
  const [from, to] = values.filed ?? [];
  return {
    caseNumber: values.caseNumber?.trim() || undefined,
    party: values.party?.trim() || undefined,
    caseTypeCode: values.caseTypeCode ?? undefined,
    status: values.status ?? undefined,
    warningLevel: values.warningLevel ?? undefined,
    filedFrom: toIsoDate(from),
    filedTo: toIsoDate(to),
    mine: values.mine ? 'true' : undefined,
    courtId: values.courtId ?? undefined,
  };
}

interface CaseFiltersProps {
  value: Filters;
  onChange: (filters: Filters) => void;
}

/** Case number, party, type, status, warning, filing dates, court and 我的案件. */
export function CaseFilters({ value, onChange }: CaseFiltersProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const [form] = Form.useForm<FormValues>();

  // The URL is the source of truth: a link such as ?mine=true shows up in the form.
  useEffect(() => {
    form.setFieldsValue(toValues(value));
  }, [form, value]);

  return (
    <Form<FormValues>
      form={form}
      layout="inline"
      style={{ rowGap: 12 }}
      onFinish={(values) => onChange(toFilters(values))}
      onValuesChange={(changed, all) => {
        if (!Object.keys(changed).every((k) => TYPED.includes(k as keyof FormValues))) onChange(toFilters(all));
      }}
    >
      <Form.Item name="caseNumber" label={t('cases.field.caseNumber')}>
        <Input
          allowClear
          maxLength={40}
          style={{ width: 180 }}
          placeholder={t('cases.filter.caseNumberPlaceholder')}
          data-testid="case-filter-number"
        />
      </Form.Item>
      <Form.Item name="party" label={t('cases.field.party')}>
        <Input
          allowClear
          maxLength={50}
          style={{ width: 150 }}
          placeholder={t('cases.filter.partyPlaceholder')}
          data-testid="case-filter-party"
        />
      </Form.Item>
      <Form.Item name="caseTypeCode" label={t('cases.field.caseType')}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          style={{ width: 170 }}
          placeholder={t('common.all')}
          options={CASE_TYPE_CODES.map((code) => ({ value: code, label: `${code} · ${caseTypeName(code, lang)}` }))}
        />
      </Form.Item>
      <Form.Item name="status" label={t('common.status')}>
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={t('common.all')}
          options={CASE_STATUSES.map((status) => ({ value: status, label: statusName(status, lang) }))}
        />
      </Form.Item>
      <Form.Item name="warningLevel" label={t('cases.field.warning')}>
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('common.all')}
          options={WARNING_LEVELS.map((level) => ({
            value: level,
            label:
              level === 'none'
                ? t('cases.warning.none')
                : level === 'overdue'
                  ? t('cases.warning.overdue')
                  : t('cases.warning.within', { count: Number(level) }),
          }))}
        />
      </Form.Item>
      <Form.Item name="filed" label={t('cases.field.filedOn')}>
        <DatePicker.RangePicker format={DATE_FORMAT} allowEmpty={[true, true]} style={{ width: 250 }} />
      </Form.Item>
      <Form.Item name="courtId" label={t('org.court.label')}>
        <CourtTreeSelect allowClear placeholder={t('org.court.all')} style={{ width: 240 }} />
      </Form.Item>
      <Form.Item name="mine" label={t('cases.filter.mine')} valuePropName="checked">
        <Switch data-testid="case-filter-mine" />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="case-search">
            {t('common.search')}
          </Button>
          <Button
            icon={<UndoOutlined />}
            onClick={() => {
              form.resetFields();
              form.setFieldsValue(toValues({}));
              onChange({});
            }}
          >
            {t('common.reset')}
          </Button>
        </Space>
      </Form.Item>
    </Form>
  );
}
