import { DELIVERY_METHODS, type DeliveryIndicatorQuery, type DeliveryMethod, type DeliveryRateRow } from '@courtassist/contracts';
import { Alert, Card, Col, Empty, Row, Segmented, Skeleton, Statistic, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { lazy, Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../shared/api/problem';
import { type Lang, useLang } from '../../shared/lib/lang';
import { useIndicators } from './api';
import { methodName } from './labels';

const IndicatorsChart = lazy(() => import('./IndicatorsChart'));

type Dimension = 'byMethod' | 'byCourt' | 'byPerson';
const DIMENSIONS: Dimension[] = ['byMethod', 'byCourt', 'byPerson'];

const isMethod = (key: string): key is DeliveryMethod => (DELIVERY_METHODS as readonly string[]).includes(key);

/** The API names methods in Chinese only: the interface language's name is taken from the key. */
function named(rows: DeliveryRateRow[], dimension: Dimension, lang: Lang): DeliveryRateRow[] {
  if (dimension !== 'byMethod') return rows;
  return rows.map((row) => (isMethod(row.key) ? { ...row, name: methodName(row.key, lang) } : row));
}

const percent = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);

/**
 * 送达指标 of the courts the user may read (or one court, a period): the success rate by method,
 * court or person, the average days to served and the share served electronically.
 */
export function DeliveryIndicators({ query = {} }: { query?: DeliveryIndicatorQuery }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [dimension, setDimension] = useState<Dimension>('byMethod');
  const result = useIndicators(query);
  const data = result.data;
  const rows = useMemo(() => named(data?.[dimension] ?? [], dimension, lang), [data, dimension, lang]);

  const columns: ColumnsType<DeliveryRateRow> = [
    { title: t('delivery.indicators.name'), dataIndex: 'name' },
    { title: t('delivery.indicators.attempts'), dataIndex: 'attempts', align: 'right', width: 90 },
    { title: t('delivery.indicators.successes'), dataIndex: 'successes', align: 'right', width: 90 },
    { title: t('delivery.indicators.rate'), dataIndex: 'rate', align: 'right', width: 90, render: percent },
  ];

  return (
    <Card title={t('delivery.indicators.title')} data-testid="delivery-indicators" style={{ marginBottom: 16 }}>
      {result.isError && <Alert type="error" showIcon message={problemText(result.error, lang)} style={{ marginBottom: 12 }} />}
      {!data ? (
        <Skeleton active />
      ) : (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col xs={12} md={6}>
              <Statistic title={t('delivery.indicators.tasks')} value={data.tasks} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('delivery.indicators.served')} value={data.served} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={t('delivery.indicators.averageDays')}
                value={
                  data.averageDaysToServed === null ? '—' : t('delivery.indicators.days', { days: data.averageDaysToServed.toFixed(1) })
                }
              />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={t('delivery.indicators.electronicShare')} value={percent(data.electronicShare)} />
            </Col>
          </Row>
          <Segmented
            value={dimension}
            onChange={(value) => setDimension(value as Dimension)}
            options={DIMENSIONS.map((d) => ({ value: d, label: t(`delivery.indicators.${d}`) }))}
            style={{ marginBottom: 12 }}
          />
          {rows.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('delivery.indicators.empty')} />
          ) : (
            <>
              <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 160 }} />}>
                <IndicatorsChart rows={rows} dimension={t(`delivery.indicators.${dimension}`)} />
              </Suspense>
              <Table size="small" rowKey="key" columns={columns} dataSource={rows} pagination={false} style={{ marginTop: 12 }} />
            </>
          )}
        </>
      )}
    </Card>
  );
}
