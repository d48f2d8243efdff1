import { ReloadOutlined } from '@ant-design/icons';
import type { WorkOrderStatsRow } from '@courtassist/contracts';
import {
  Alert,
  Button,
  Card,
  Col,
  DatePicker,
  Empty,
  Flex,
  Row,
  Segmented,
  Skeleton,
  Statistic,
  Table,
  type TableProps,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { lazy, Suspense, useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../shared/api/problem';
import { Page } from '../../shared/components/Page';
import { useLang } from '../../shared/lib/lang';
import { DeliveryIndicators } from '../delivery';
import { useOrderStatistics } from './api';
import { ExportButton } from './ExportButton';
import { useListParams } from './useListParams';

const StatsChart = lazy(() => import('./StatsChart'));

const GROUPS = ['byType', 'byTeam', 'byPerson'] as const;
type Group = (typeof GROUPS)[number];

/** Today in China Standard Time: orders are counted by the CST date they were initiated. */
function chinaToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

const PARAMS = { from: { fallback: '' }, to: { fallback: '' }, group: { allowed: GROUPS, fallback: 'byType' } };
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const hours = (v: number | null) => (v === null ? '—' : v.toFixed(1));

/** 工单统计: orders initiated in a period, per type, team and person, with the totals. */
export default function StatisticsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [params, setParams] = useListParams(PARAMS);
  const today = chinaToday();
  const to = DATE.test(params.to) ? params.to : today;
  const from = DATE.test(params.from) ? params.from : dayjs(to).subtract(29, 'day').format('YYYY-MM-DD');
  const group = params.group as Group;
  const query = useOrderStatistics({ from, to });
  const data = query.data;
  const nameOf = useCallback(
    (r: WorkOrderStatsRow) => {
      const name = lang === 'en' ? r.en : r.zh;
      if (name) return name;
      return group === 'byTeam' ? t('workOrders.stats.shared') : t('workOrders.stats.unassigned');
    },
    [lang, group, t],
  );
  const rows = data?.[group] ?? [];

  const columns: TableProps<WorkOrderStatsRow>['columns'] = [
    { title: t('workOrders.stats.name'), key: 'name', render: (_: unknown, r) => nameOf(r) },
    { title: t('workOrders.stats.total'), dataIndex: 'total', align: 'right', width: 90 },
    { title: t('workOrders.stats.open'), dataIndex: 'open', align: 'right', width: 90 },
    { title: t('workOrders.stats.completed'), dataIndex: 'completed', align: 'right', width: 90 },
    {
      title: t('workOrders.stats.overdue'),
      dataIndex: 'overdue',
      align: 'right',
      width: 80,
      render: (n: number) => <Typography.Text type={n > 0 ? 'danger' : undefined}>{n}</Typography.Text>,
    },
    { title: t('workOrders.stats.avgHours'), dataIndex: 'avgHandlingHours', align: 'right', width: 170, render: hours },
    { title: t('workOrders.stats.overdueRate'), dataIndex: 'overdueRate', align: 'right', width: 100, render: percent },
    { title: t('workOrders.stats.slaRate'), dataIndex: 'slaRate', align: 'right', width: 110, render: percent },
  ];

  return (
    <Page
      testId="page-order-statistics"
      title={t('workOrders.stats.title')}
      description={t('workOrders.stats.description')}
      extra={
        <>
          <DatePicker.RangePicker
            value={[dayjs(from), dayjs(to)]}
            allowClear={false}
            format="YYYY-MM-DD"
            aria-label={t('workOrders.stats.range')}
            onChange={(range) => {
              const [a, b] = (range ?? []) as [Dayjs | null, Dayjs | null];
              if (a && b) setParams({ from: a.format('YYYY-MM-DD'), to: b.format('YYYY-MM-DD') });
            }}
            data-testid="stats-range"
          />
          <ExportButton request={{ kind: 'statistics', from, to }} />
          <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} loading={query.isFetching}>
            {t('common.refresh')}
          </Button>
        </>
      }
    >
      {query.isError && <Alert type="error" showIcon message={problemText(query.error, lang)} style={{ marginBottom: 16 }} />}
      {!data ? (
        query.isPending && <Skeleton active paragraph={{ rows: 10 }} />
      ) : (
        <Flex vertical gap={16}>
          <Card data-testid="stats-totals">
            <Row gutter={[16, 16]}>
              <Col xs={12} md={4}>
                <Statistic title={t('workOrders.stats.total')} value={data.totals.total} />
              </Col>
              <Col xs={12} md={4}>
                <Statistic title={t('workOrders.stats.completed')} value={data.totals.completed} />
              </Col>
              <Col xs={12} md={4}>
                <Statistic title={t('workOrders.stats.open')} value={data.totals.open} />
              </Col>
              <Col xs={12} md={4}>
                <Statistic title={t('workOrders.stats.avgHours')} value={hours(data.totals.avgHandlingHours)} />
              </Col>
              <Col xs={12} md={4}>
                <Statistic
                  title={t('workOrders.stats.overdueRate')}
                  value={percent(data.totals.overdueRate)}
                  valueStyle={data.totals.overdue > 0 ? { color: '#cf1322' } : undefined}
                />
              </Col>
              <Col xs={12} md={4}>
                <Statistic title={t('workOrders.stats.slaRate')} value={percent(data.totals.slaRate)} />
              </Col>
            </Row>
          </Card>
          <Card
            title={
              <Segmented<Group>
                value={group}
                onChange={(v) => setParams({ group: v === 'byType' ? null : v })}
                options={GROUPS.map((g) => ({ value: g, label: t(`workOrders.stats.${g}`) }))}
                data-testid="stats-group"
              />
            }
          >
            {rows.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('workOrders.stats.noData')} />
            ) : (
              <Row gutter={[24, 16]}>
                <Col xs={24} xxl={10}>
                  <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 240 }} />}>
                    <StatsChart rows={rows} nameOf={nameOf} groupLabel={t(`workOrders.stats.${group}`)} />
                  </Suspense>
                </Col>
                <Col xs={24} xxl={14}>
                  <Table<WorkOrderStatsRow>
                    data-testid="stats-table"
                    rowKey={(r) => String(r.key)}
                    size="small"
                    columns={columns}
                    dataSource={rows}
                    pagination={rows.length > 20 ? { pageSize: 20, showTotal: (count) => t('common.total', { count }) } : false}
                    summary={() => (
                      <Table.Summary.Row>
                        <Table.Summary.Cell index={0}>
                          <strong>{t('workOrders.stats.totals')}</strong>
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={1} align="right">
                          {data.totals.total}
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={2} align="right">
                          {data.totals.open}
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={3} align="right">
                          {data.totals.completed}
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={4} align="right">
                          {data.totals.overdue}
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={5} align="right">
                          {hours(data.totals.avgHandlingHours)}
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={6} align="right">
                          {percent(data.totals.overdueRate)}
                        </Table.Summary.Cell>
                        <Table.Summary.Cell index={7} align="right">
                          {percent(data.totals.slaRate)}
                        </Table.Summary.Cell>
                      </Table.Summary.Row>
                    )}
                  />
                </Col>
              </Row>
            )}
          </Card>
        </Flex>
      )}
      {/* Service of documents is most of the centre's work: its own indicators, over the same dates. */}
      <div style={{ marginTop: 16 }}>
        <DeliveryIndicators query={{ from, to }} />
      </div>
    </Page>
  );
}
