import { SafetyCertificateOutlined } from '@ant-design/icons';
import type { InspectionRunResult } from '@courtassist/contracts';
import { Alert, Button, Card, Tabs } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProblemHandler } from '../../shared/api/useProblemHandler';
import { Page } from '../../shared/components/Page';
import { useCan } from '../auth';
import { useRunInspection } from './api';
import { CompletenessPanel } from './CompletenessPanel';
import type { DefectFilterValue } from './DefectFilters';
import { DefectsPanel } from './DefectsPanel';
import { RulesPanel } from './RulesPanel';
import { SeverityCards } from './SeverityCards';
import { SummaryPanel } from './SummaryPanel';

const TABS = ['defects', 'summary', 'completeness', 'rules'] as const;
type Tab = (typeof TABS)[number];

/** 数据质检: open defects at a glance, the list to act on, where they are, completeness and the rules. */
export default function InspectionPage() {
  const { t } = useTranslation();
  const can = useCan();
  const onError = useProblemHandler();
  const run = useRunInspection();
  const [result, setResult] = useState<InspectionRunResult | null>(null);
  const [tab, setTab] = useState<Tab>('defects');
  const [filter, setFilter] = useState<DefectFilterValue>({ courtId: null, ruleCode: null, status: 'open', severity: null });
  const courtId = filter.courtId ?? undefined;

  const runNow = () => run.mutate(undefined, { onSuccess: setResult, onError: (error) => onError(error) });

  const panels: Record<Tab, ReactNode> = {
    defects: <DefectsPanel value={filter} onChange={(patch) => setFilter((f) => ({ ...f, ...patch }))} />,
    summary: <SummaryPanel courtId={courtId} />,
    completeness: <CompletenessPanel courtId={courtId} />,
    rules: <RulesPanel />,
  };

  return (
    <Page
      testId="page-inspection"
      title={t('inspection.title')}
      description={t('inspection.description')}
      extra={
        can('inspection.manage') && (
          <Button type="primary" icon={<SafetyCertificateOutlined />} loading={run.isPending} onClick={runNow} data-testid="inspection-run">
            {t('inspection.run.button')}
          </Button>
        )
      }
    >
      {result && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setResult(null)}
          message={t('inspection.run.done', result)}
          style={{ marginBottom: 16 }}
          data-testid="inspection-run-result"
        />
      )}
      <SeverityCards
        courtId={courtId}
        onPick={(severity) => {
          setFilter((f) => ({ ...f, status: 'open', severity }));
          setTab('defects');
        }}
      />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setTab(key as Tab)}
          items={TABS.map((key) => ({ key, label: t(`inspection.tabs.${key}`), children: panels[key] }))}
          destroyOnHidden
          data-testid="inspection-tabs"
        />
      </Card>
    </Page>
  );
}
