import { INSPECTION_SEVERITIES, INSPECTION_SEVERITY_NAMES, type InspectionRuleView, type InspectionSeverity } from '@courtassist/contracts';
import { Alert, App, Select, Switch, Table, type TableProps, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../shared/api/problem';
import { useSaveErrorHandler } from '../../shared/api/useProblemHandler';
import { pickText, useLang } from '../../shared/lib/lang';
import { useCan } from '../auth';
import { useEditRule, useInspectionRules } from './api';
import { SeverityTag } from './labels';

/** 质检规则: every rule with its severity, case types and open defects; inspectors switch and grade them. */
export function RulesPanel() {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const can = useCan();
  const manage = can('inspection.manage');
  const query = useInspectionRules();
  const edit = useEditRule();
  const onError = useSaveErrorHandler();

  // A stale version (409) is reported as "reloaded": the mutation refetches the rules either way.
  const save = (rule: InspectionRuleView, patch: { active?: boolean; severity?: InspectionSeverity }) =>
    edit.mutate(
      { code: rule.code, version: rule.version, ...patch },
      { onSuccess: () => message.success(t('inspection.rules.saved')), onError: (error) => onError(error) },
    );

  const columns: TableProps<InspectionRuleView>['columns'] = [
    {
      title: t('inspection.rules.name'),
      key: 'name',
      render: (_: unknown, r) => (
        <>
          <Typography.Text strong>{lang === 'en' ? r.nameEn : r.nameZh}</Typography.Text>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {lang === 'en' ? r.descriptionEn : r.descriptionZh}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('inspection.rules.area'),
      dataIndex: 'area',
      width: 100,
      render: (a: InspectionRuleView['area']) => t(`inspection.rules.areas.${a}`),
    },
    {
      title: t('inspection.rules.caseTypes'),
      dataIndex: 'caseTypes',
      width: 150,
      render: (types: string[] | null) =>
        types === null ? (
          <Typography.Text type="secondary">{t('inspection.rules.allTypes')}</Typography.Text>
        ) : (
          types.map((c) => <Tag key={c}>{c}</Tag>)
        ),
    },
    {
      title: t('inspection.rules.severity'),
      dataIndex: 'severity',
      width: 120,
      render: (severity: InspectionSeverity, r) =>
        manage ? (
          <Select<InspectionSeverity>
            size="small"
            value={severity}
            style={{ width: 90 }}
            options={INSPECTION_SEVERITIES.map((s) => ({ value: s, label: pickText(lang, INSPECTION_SEVERITY_NAMES[s]) }))}
            onChange={(s) => save(r, { severity: s })}
            aria-label={t('inspection.rules.severity')}
            data-testid="rule-severity"
          />
        ) : (
          <SeverityTag severity={severity} />
        ),
    },
    {
      title: t('inspection.rules.openDefects'),
      dataIndex: 'openDefects',
      width: 90,
      align: 'right',
      sorter: (a, b) => a.openDefects - b.openDefects,
    },
    {
      title: t('inspection.rules.active'),
      dataIndex: 'active',
      width: 80,
      render: (active: boolean, r) => (
        <Switch
          size="small"
          checked={active}
          disabled={!manage}
          onChange={(checked) => save(r, { active: checked })}
          aria-label={t('inspection.rules.active')}
          data-testid="rule-active"
        />
      ),
    },
  ];

  return (
    <>
      {query.isError && <Alert type="error" showIcon message={problemText(query.error, lang)} style={{ marginBottom: 16 }} />}
      <Table<InspectionRuleView>
        data-testid="rules-table"
        rowKey="code"
        size="small"
        loading={query.isFetching}
        columns={columns}
        dataSource={query.data?.items ?? []}
        scroll={{ x: 900 }}
        onRow={(r) => ({ 'data-rule': r.code }) as object}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (count) => t('common.total', { count }) }}
      />
    </>
  );
}
