import { INSPECTION_GROUPS, type InspectionGroup, type InspectionSummary } from '@courtassist/contracts';
import { Alert, Col, Empty, Flex, Row, Segmented, Skeleton, Table, type TableProps, Typography } from 'antd';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../shared/api/problem';
import { useLang } from '../../shared/lib/lang';
import { useInspectionSummary } from './api';

const SummaryChart = lazy(() => import('./SummaryChart'));

type SummaryRow = InspectionSummary['items'][number];

/** Where the open defects are: by court, department, responsible person or rule; a chart and a table. */
export function SummaryPanel({ courtId }: { courtId?: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [by, setBy] = useState<InspectionGroup>('court');
  const query = useInspectionSummary(by, courtId);
  const nameOf = (r: SummaryRow) => (lang === 'en' ? r.nameEn : r.nameZh) || t('inspection.summary.unassigned');
  const rows = query.data?.items ?? [];

  const columns: TableProps<SummaryRow>['columns'] = [
    { title: t('inspection.summary.name'), key: 'name', render: (_: unknown, r) => nameOf(r) },
    { title: t('inspection.summary.defects'), dataIndex: 'defects', align: 'right', width: 100 },
    { title: t('inspection.summary.cases'), dataIndex: 'cases', align: 'right', width: 100 },
    {
      title: t('inspection.summary.errors'),
      dataIndex: 'errors',
      align: 'right',
      width: 100,
      render: (n: number) => <Typography.Text type={n > 0 ? 'danger' : undefined}>{n}</Typography.Text>,
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="inspection-summary">
      <Segmented<InspectionGroup>
        value={by}
        onChange={setBy}
        options={INSPECTION_GROUPS.map((g) => ({ value: g, label: t(`inspection.summary.by.${g}`) }))}
        style={{ alignSelf: 'flex-start' }}
        data-testid="summary-group"
      />
      {query.isError && <Alert type="error" showIcon message={problemText(query.error, lang)} />}
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 6 }} />
      ) : rows.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('inspection.summary.noData')} />
      ) : (
        <Row gutter={[24, 16]}>
          <Col xs={24} xl={12}>
            <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 200 }} />}>
              <SummaryChart
                rows={rows.map((r) => ({ name: nameOf(r), defects: r.defects, errors: r.errors }))}
                groupLabel={t(`inspection.summary.by.${by}`)}
              />
            </Suspense>
          </Col>
          <Col xs={24} xl={12}>
            <Table<SummaryRow>
              data-testid="summary-table"
              rowKey="key"
              size="small"
              columns={columns}
              dataSource={rows}
              pagination={rows.length > 20 ? { pageSize: 20, showTotal: (count) => t('common.total', { count }) } : false}
              summary={() => (
                <Table.Summary.Row>
                  <Table.Summary.Cell index={0}>
                    <strong>{t('inspection.summary.total')}</strong>
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={1} align="right">
                    {query.data?.total}
                  </Table.Summary.Cell>
                  <Table.Summary.Cell index={2} />
                  <Table.Summary.Cell index={3} />
                </Table.Summary.Row>
              )}
            />
          </Col>
        </Row>
      )}
    </Flex>
  );
}
