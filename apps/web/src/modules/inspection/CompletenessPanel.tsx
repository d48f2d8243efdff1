import { COMPLETENESS_GROUPS, type CompletenessReport } from '@courtassist/contracts';
import { Alert, Flex, Progress, Segmented, Statistic, Table, type TableProps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../shared/api/problem';
import { useLang } from '../../shared/lib/lang';
import { type CompletenessGroup, useCompleteness } from './api';

type CompletenessRow = CompletenessReport['items'][number];

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);
/** Below 90 % complete the bar turns orange, below 70 % red: the usual thresholds of the assessment. */
const strokeOf = (rate: number) => (rate < 0.7 ? '#ff4d4f' : rate < 0.9 ? '#faad14' : '#52c41a');
/** Rows without cases sort last whichever way. */
const byRate = (a: CompletenessRow, b: CompletenessRow) => (a.rate ?? -1) - (b.rate ?? -1);

function RateBar({ rate }: { rate: number | null }) {
  if (rate === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const value = Math.round(rate * 1000) / 10;
  return <Progress percent={value} size="small" strokeColor={strokeOf(rate)} format={() => percent(rate)} />;
}

/** 信息完整率: the share of cases without an open defect, by court, department or judge; sortable. */
export function CompletenessPanel({ courtId }: { courtId?: number }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [by, setBy] = useState<CompletenessGroup>('court');
  const query = useCompleteness(by, courtId);
  const data = query.data;

  const columns: TableProps<CompletenessRow>['columns'] = [
    { title: t('inspection.completeness.name'), dataIndex: 'name', sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN') },
    { title: t('inspection.completeness.cases'), dataIndex: 'cases', align: 'right', width: 100, sorter: (a, b) => a.cases - b.cases },
    {
      title: t('inspection.completeness.complete'),
      dataIndex: 'complete',
      align: 'right',
      width: 110,
      sorter: (a, b) => a.complete - b.complete,
    },
    {
      title: t('inspection.completeness.rate'),
      dataIndex: 'rate',
      width: 240,
      sorter: byRate,
      defaultSortOrder: 'ascend',
      render: (rate: number | null) => <RateBar rate={rate} />,
    },
  ];

  return (
    <Flex vertical gap={16} data-testid="inspection-completeness">
      <Flex justify="space-between" align="center" wrap gap={16}>
        <Segmented<CompletenessGroup>
          value={by}
          onChange={setBy}
          options={COMPLETENESS_GROUPS.map((g) => ({ value: g, label: t(`inspection.completeness.by.${g}`) }))}
          data-testid="completeness-group"
        />
        {data && (
          <Flex align="center" gap={16}>
            <Statistic
              title={t('inspection.completeness.overall', { year: data.year })}
              value={percent(data.rate)}
              suffix={<Typography.Text type="secondary">{`(${data.complete}/${data.cases})`}</Typography.Text>}
              data-testid="completeness-overall"
            />
          </Flex>
        )}
      </Flex>
      <Typography.Text type="secondary">{t('inspection.completeness.hint')}</Typography.Text>
      {query.isError && <Alert type="error" showIcon message={problemText(query.error, lang)} />}
      <Table<CompletenessRow>
        data-testid="completeness-table"
        rowKey={(r) => `${r.id ?? 'none'}-${r.name}`}
        size="small"
        loading={query.isFetching}
        columns={columns}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('inspection.completeness.noData') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (count) => t('common.total', { count }) }}
      />
    </Flex>
  );
}
