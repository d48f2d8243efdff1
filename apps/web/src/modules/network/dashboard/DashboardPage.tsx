import { NETWORK_TASK_KIND_NAMES, NETWORK_TASK_KINDS, NETWORK_TASK_OUTCOME_NAMES, type NetworkDashboard } from '@courtassist/contracts';
import { Card, Col, Row, Statistic } from 'antd';
import type { TFunction } from 'i18next';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Page } from '../../../shared/components/Page';
import { useBilingual } from '../../../shared/lib/lang';
import { CourtTreeSelect } from '../../org';
import { useDashboard, yuan } from '../assessment/api';
import { MonthPicker, useMonthParam } from '../assessment/common';
import { useCourtParam } from '../common';

const Chart = lazy(() => import('./LineChart'));

const rate = (ok: number, all: number) => (all === 0 ? null : Math.round((ok * 1000) / all) / 10);

/** 网络看板: assistants, tasks, delivery results against direct delivery, response time, subsidies, training. */
export default function DashboardPage() {
  const { t } = useTranslation();
  const text = useBilingual();
  const [courtId, setCourtId] = useCourtParam();
  const [month, setMonth] = useMonthParam();
  const dashboard = useDashboard(courtId, month);
  const d = dashboard.data;
  const charts = useMemo(() => (d ? options(d, t, text) : null), [d, t, text]);
  const totals = useMemo(() => {
    if (!d) return null;
    const tasks = d.tasksByMonth.reduce((n, x) => n + x.count, 0);
    const attempts = d.delivery.reduce((n, x) => n + x.assistedAttempts, 0);
    const ok = d.delivery.reduce((n, x) => n + x.assistedSuccesses, 0);
    const paid = d.subsidiesPaid.reduce((n, x) => n + x.totalFen, 0);
    return { tasks, rate: rate(ok, attempts), paid };
  }, [d]);

  const label = (title: string) => t('networkAssessment.dashboard.chartLabel', { title });
  return (
    <Page
      testId="network-dashboard-page"
      title={t('networkAssessment.dashboard.title')}
      description={t('networkAssessment.dashboard.description')}
      extra={
        <>
          <CourtTreeSelect style={{ width: 280 }} value={courtId ?? null} onChange={setCourtId} />
          <MonthPicker value={month} onChange={setMonth} />
        </>
      }
    >
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card size="small" loading={!d}>
            <div data-testid="dashboard-active">
              <Statistic title={t('networkAssessment.dashboard.active')} value={d?.activeAssistants ?? 0} />
            </div>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={!d}>
            <Statistic title={t('networkAssessment.dashboard.tasksThisYear')} value={totals?.tasks ?? 0} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={!d}>
            <Statistic
              title={t('networkAssessment.dashboard.deliveryRate')}
              value={totals?.rate ?? '—'}
              suffix={totals?.rate === null ? '' : '%'}
            />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={!d}>
            <Statistic title={t('networkAssessment.dashboard.paid')} value={yuan(totals?.paid ?? 0)} />
          </Card>
        </Col>
        {charts && (
          <Suspense fallback={null}>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('networkAssessment.dashboard.byCategory')}>
                <Chart
                  option={charts.categories}
                  label={label(t('networkAssessment.dashboard.byCategory'))}
                  testId="dashboard-categories"
                />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('networkAssessment.dashboard.byStation')}>
                <Chart
                  option={charts.stations}
                  height={Math.max(260, 18 * (d?.byStation.length ?? 0) + 64)}
                  label={label(t('networkAssessment.dashboard.byStation'))}
                />
              </Card>
            </Col>
            <Col xs={24}>
              <Card size="small" title={t('networkAssessment.dashboard.tasks')}>
                <Chart option={charts.tasks} height={320} label={label(t('networkAssessment.dashboard.tasks'))} testId="dashboard-tasks" />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('networkAssessment.dashboard.delivery')}>
                <Chart option={charts.delivery} label={label(t('networkAssessment.dashboard.delivery'))} testId="dashboard-delivery" />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('networkAssessment.dashboard.response')}>
                <Chart option={charts.response} label={label(t('networkAssessment.dashboard.response'))} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('networkAssessment.dashboard.subsidies')}>
                <Chart option={charts.subsidies} label={label(t('networkAssessment.dashboard.subsidies'))} />
              </Card>
            </Col>
            <Col xs={24} lg={12}>
              <Card size="small" title={t('networkAssessment.dashboard.training')}>
                <Chart option={charts.training} label={label(t('networkAssessment.dashboard.training'))} />
              </Card>
            </Col>
          </Suspense>
        )}
      </Row>
    </Page>
  );
}

function options(d: NetworkDashboard, t: TFunction, text: (b: { zh: string; en: string }) => string) {
  const grid = { left: 48, right: 16, top: 32, bottom: 32, containLabel: true };
  // A chart without any figure in the twelve months says so instead of drawing empty axes.
  const empty = (values: (number | null)[]) =>
    values.every((v) => v === null || v === 0)
      ? {
          title: {
            text: t('networkAssessment.dashboard.noData'),
            left: 'center',
            top: 'middle',
            textStyle: { fontSize: 14, color: '#999' },
          },
        }
      : {};
  const months = d.months;
  const bars = (names: string[], values: number[]) => ({
    tooltip: { trigger: 'axis' },
    grid,
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', data: names, inverse: true, axisLabel: { interval: 0, fontSize: 11 } },
    series: [{ type: 'bar', data: values, label: { show: true, position: 'right' } }],
  });
  const taskSeries = NETWORK_TASK_KINDS.flatMap((kind) =>
    (['success', 'failure'] as const)
      .map((outcome) => {
        const data = months.map((m) => d.tasksByMonth.find((x) => x.month === m && x.kind === kind && x.outcome === outcome)?.count ?? 0);
        return {
          name: `${text(NETWORK_TASK_KIND_NAMES[kind])}·${text(NETWORK_TASK_OUTCOME_NAMES[kind][outcome])}`,
          type: 'bar',
          stack: outcome,
          data,
        };
      })
      .filter((s) => s.data.some((v) => v > 0)),
  );
  return {
    categories: bars(
      d.byCategory.map((c) => text(c)),
      d.byCategory.map((c) => c.count),
    ),
    stations: bars(
      d.byStation.map((s) => s.name),
      d.byStation.map((s) => s.count),
    ),
    tasks: {
      ...empty(d.tasksByMonth.map((x) => x.count)),
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { ...grid, top: 48 },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', minInterval: 1 },
      series: taskSeries,
    },
    delivery: {
      ...empty(d.delivery.flatMap((x) => [x.assistedAttempts, x.directAttempts])),
      tooltip: { trigger: 'axis', valueFormatter: (v: number | null) => (v === null ? '—' : `${v}%`) },
      legend: { top: 0 },
      grid,
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          name: t('networkAssessment.dashboard.assisted'),
          type: 'line',
          connectNulls: true,
          data: d.delivery.map((x) => rate(x.assistedSuccesses, x.assistedAttempts)),
        },
        {
          name: t('networkAssessment.dashboard.direct'),
          type: 'line',
          connectNulls: true,
          data: d.delivery.map((x) => rate(x.directSuccesses, x.directAttempts)),
        },
      ],
    },
    response: {
      ...empty(d.responseHours.map((x) => x.averageHours)),
      tooltip: { trigger: 'axis' },
      grid,
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value' },
      series: [{ type: 'line', connectNulls: true, data: d.responseHours.map((x) => x.averageHours) }],
    },
    subsidies: {
      ...empty(d.subsidiesPaid.map((x) => x.totalFen)),
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v.toFixed(2)} 元` },
      grid,
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value' },
      // Chart heights only: the exact amounts (fen, integers) are in the statements and the export.
      series: [{ type: 'bar', data: d.subsidiesPaid.map((x) => x.totalFen / 100) }],
    },
    training: {
      ...empty(d.trainingHours.map((x) => x.attendeeHours)),
      tooltip: { trigger: 'axis' },
      grid,
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value' },
      series: [{ type: 'bar', data: d.trainingHours.map((x) => x.attendeeHours) }],
    },
  };
}
