import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import type { CaseSummary } from '@courtassist/contracts';
import { Alert, Button, Card, Flex, Table, type TableProps, Tooltip, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { problemText } from '../../../shared/api/problem';
import { KeysetFooter } from '../../../shared/components/KeysetFooter';
import { Page } from '../../../shared/components/Page';
import { useLang } from '../../../shared/lib/lang';
import { useCan } from '../../auth';
import { type CaseFilters as Filters, useCases } from '../api';
import { CaseStatusTag } from '../components/CaseStatusTag';
import { WarningTag } from '../components/WarningTag';
import { caseTypeName, causeName, daysUntil } from '../labels';
import { CaseFilters } from './CaseFilters';
import { ExportButton } from './ExportButton';
import { useCaseListParams } from './useCaseListParams';

type SortField = NonNullable<Filters['sort']>;
const SORTABLE: SortField[] = ['caseNumber', 'filedOn', 'deadlineOn'];

/** 案件查询: the cases in the user's scope, filtered and sorted, loaded page by page. */
export default function CaseListPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const navigate = useNavigate();
  const [params, setParams] = useCaseListParams();
  // Memoised on the URL: the filter form resets its fields only when the URL really changes.
  const { sort, order, filters } = useMemo(() => {
    const { sort = 'filedOn', order = 'desc', ...rest } = params;
    return { sort, order, filters: rest };
  }, [params]);
  const query = useCases({ ...filters, sort, order });
  const items = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const total = query.data?.pages[0]?.total ?? 0;
  const approximate = !!query.data?.pages[0]?.totalApproximate;

  const sortOrder = (field: SortField) => (sort === field ? (order === 'asc' ? 'ascend' : 'descend') : null);

  const columns: TableProps<CaseSummary>['columns'] = [
    {
      title: t('cases.field.caseNumber'),
      dataIndex: 'caseNumber',
      width: 230,
      sorter: true,
      sortOrder: sortOrder('caseNumber'),
      render: (caseNumber: string, c) => (
        <>
          <Link to={`/cases/${c.id}`} data-testid="case-link">
            {caseNumber}
          </Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {c.courtName}
          </Typography.Text>
        </>
      ),
    },
    { title: t('cases.field.title'), dataIndex: 'title', ellipsis: { showTitle: true } },
    {
      title: t('cases.field.cause'),
      dataIndex: 'causeCode',
      width: 170,
      ellipsis: { showTitle: true },
      render: (code: string | null) => causeName(code, lang),
    },
    {
      title: t('cases.field.caseType'),
      dataIndex: 'caseTypeCode',
      width: 120,
      render: (code: string) => <Tooltip title={code}>{caseTypeName(code, lang)}</Tooltip>,
    },
    { title: t('cases.field.filedOn'), dataIndex: 'filedOn', width: 120, sorter: true, sortOrder: sortOrder('filedOn') },
    { title: t('cases.field.judge'), dataIndex: 'judgeName', width: 100, render: (name: string | null) => name ?? '—' },
    { title: t('common.status'), dataIndex: 'status', width: 100, render: (status: string) => <CaseStatusTag status={status} /> },
    {
      title: t('cases.field.deadlineOn'),
      dataIndex: 'deadlineOn',
      width: 190,
      sorter: true,
      sortOrder: sortOrder('deadlineOn'),
      render: (deadline: string | null, c) =>
        deadline ? (
          <Flex gap={6} align="center" wrap>
            <Tooltip title={c.status === 'open' || c.status === 'pending-assignment' ? daysLeftText(deadline) : undefined}>
              <span>{deadline}</span>
            </Tooltip>
            <WarningTag level={c.warningLevel} />
          </Flex>
        ) : (
          <Typography.Text type="secondary">{t('cases.limit.none')}</Typography.Text>
        ),
    },
  ];

  function daysLeftText(deadline: string) {
    const days = daysUntil(deadline);
    return days >= 0 ? t('cases.limit.daysLeft', { count: days }) : t('cases.limit.daysOver', { count: -days });
  }

  const onTableChange: TableProps<CaseSummary>['onChange'] = (_pagination, _filters, sorter, extra) => {
    if (extra.action !== 'sort') return;
    const s = (Array.isArray(sorter) ? sorter[0] : sorter) as SorterResult<CaseSummary>;
    const field = SORTABLE.includes(s.field as SortField) ? (s.field as SortField) : undefined;
    setParams(s.order && field ? { sort: field, order: s.order === 'descend' ? 'desc' : 'asc' } : { sort: undefined, order: undefined });
  };

  return (
    <Page
      testId="page-cases"
      title={t('nav.caseSearch')}
      description={t('cases.list.description')}
      extra={
        <>
          <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} loading={query.isFetching && !query.isFetchingNextPage}>
            {t('common.refresh')}
          </Button>
          {can('case.export') && <ExportButton filters={{ ...filters, sort, order }} />}
          {can('case.file') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/cases/new')} data-testid="case-new">
              {t('nav.caseFile')}
            </Button>
          )}
        </>
      }
    >
      <Card style={{ marginBottom: 16 }}>
        <CaseFilters value={filters} onChange={(next) => setParams(next, true)} />
        {(filters.departmentId !== undefined || filters.judgeId !== undefined) && (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 12 }}
            data-testid="case-list-scoped"
            message={t('cases.filter.scoped')}
            action={
              <Button size="small" type="link" onClick={() => setParams({ departmentId: undefined, judgeId: undefined })}>
                {t('cases.filter.clearScoped')}
              </Button>
            }
          />
        )}
      </Card>
      <Card>
        {query.isError && <Alert type="error" showIcon message={problemText(query.error, lang)} style={{ marginBottom: 16 }} />}
        <Table<CaseSummary>
          data-testid="case-table"
          rowKey="id"
          loading={query.isPending || (query.isFetching && !query.isFetchingNextPage)}
          dataSource={items}
          columns={columns}
          onChange={onTableChange}
          pagination={false}
          scroll={{ x: 1200 }}
          footer={() => (
            <KeysetFooter
              summary={t(approximate ? 'cases.list.summaryApprox' : 'cases.list.summary', { total, loaded: items.length })}
              hasMore={!!query.hasNextPage}
              loading={query.isFetchingNextPage}
              onLoadMore={() => void query.fetchNextPage()}
              testId="case"
            />
          )}
        />
      </Card>
    </Page>
  );
}
