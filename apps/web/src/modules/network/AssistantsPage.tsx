import { PlusOutlined } from '@ant-design/icons';
import {
  type ASSISTANT_SORTS,
  ASSISTANT_STATUS_NAMES,
  ASSISTANT_STATUSES,
  type AssistantStatus,
  type AssistantSummary,
} from '@courtassist/contracts';
import { Button, Card, Flex, Input, Select, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { KeysetFooter } from '../../shared/components/KeysetFooter';
import { Page } from '../../shared/components/Page';
import { useBilingual } from '../../shared/lib/lang';
import { useCan } from '../auth';
import { CourtTreeSelect } from '../org';
import { AssistantDrawer } from './AssistantDrawer';
import { useAssistants, useCategories, useStations } from './api';
import { AssistantStatusTag, CategoryTags, useCourtParam } from './common';

type Sort = (typeof ASSISTANT_SORTS)[number];

/** 司法协助员: the list with filters (name, station, category, status), sorting and keyset paging. */
export default function AssistantsPage() {
  const { t } = useTranslation();
  const text = useBilingual();
  const can = useCan();
  const [courtId, setCourtId] = useCourtParam();
  const [params, setParams] = useSearchParams();
  const stationId = Number(params.get('stationId')) || undefined;
  const category = params.get('category') ?? undefined;
  const status = (params.get('status') as AssistantStatus | null) ?? undefined;
  const q = params.get('q') ?? undefined;
  const sort = (params.get('sort') as Sort | null) ?? 'id';
  const setParam = (name: string, value: string | number | undefined | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value === undefined || value === null || value === '') next.delete(name);
      else next.set(name, String(value));
      return next;
    });
  const [search, setSearch] = useState(q ?? '');
  const [creating, setCreating] = useState(false);
  const categories = useCategories();
  const stations = useStations(courtId);
  const list = useAssistants(
    { courtId, stationId, category, status, q, sort, order: sort === 'name' ? 'asc' : 'desc' },
    20,
    courtId !== undefined,
  );
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;

  const columns = [
    {
      title: t('network.assistant.name'),
      dataIndex: 'name',
      render: (_: unknown, a: AssistantSummary) => (
        <Link to={`/network/assistants/${a.id}`} data-testid={`assistant-link-${a.id}`}>
          {a.name}
        </Link>
      ),
    },
    { title: t('network.assistant.phone'), dataIndex: 'phone', render: (v: string) => v || '—' },
    { title: t('network.assistant.idNumber'), dataIndex: 'idNumber', render: (v: string | null) => v ?? '—' },
    {
      title: t('network.assistant.categories'),
      dataIndex: 'categories',
      render: (_: unknown, a: AssistantSummary) => <CategoryTags categories={a.categories} />,
    },
    {
      title: t('network.assistant.stations'),
      dataIndex: 'stations',
      render: (_: unknown, a: AssistantSummary) => a.stations.map((s) => s.name).join(t('common.listSeparator')),
    },
    { title: t('network.assistant.startOn'), dataIndex: 'startOn' },
    {
      title: t('network.assistant.status'),
      dataIndex: 'status',
      render: (_: unknown, a: AssistantSummary) => (
        <>
          <AssistantStatusTag status={a.status} />
          {a.accountStatus === 'disabled' && (
            <Tooltip title={t('network.assistant.accountDisabledHint')}>
              <Tag color="red" data-testid={`assistant-account-disabled-${a.id}`}>
                {t('network.assistant.accountDisabled')}
              </Tag>
            </Tooltip>
          )}
        </>
      ),
    },
  ];

  return (
    <Page
      testId="network-assistants-page"
      title={t('network.assistant.title')}
      description={t('network.assistant.description')}
      extra={
        can('network.manage') &&
        courtId !== undefined && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="assistant-add">
            {t('network.assistant.add')}
          </Button>
        )
      }
    >
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap>
          <CourtTreeSelect
            style={{ width: 280 }}
            value={courtId ?? null}
            onChange={(value) => {
              setParam('stationId', null);
              setCourtId(value);
            }}
          />
          <Input.Search
            allowClear
            style={{ width: 200 }}
            placeholder={t('network.assistant.search')}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            onSearch={(value) => setParam('q', value.trim())}
            data-testid="assistant-search"
          />
          <Select
            allowClear
            style={{ width: 220 }}
            placeholder={t('network.assistant.filterStation')}
            value={stationId}
            onChange={(value) => setParam('stationId', value)}
            optionFilterProp="label"
            showSearch
            options={(stations.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
          />
          <Select
            allowClear
            style={{ width: 160 }}
            placeholder={t('network.assistant.filterCategory')}
            value={category}
            onChange={(value) => setParam('category', value)}
            options={(categories.data?.items ?? []).map((c) => ({ value: c.code, label: text({ zh: c.nameZh, en: c.nameEn }) }))}
          />
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('network.assistant.filterStatus')}
            value={status}
            onChange={(value) => setParam('status', value)}
            options={ASSISTANT_STATUSES.map((s) => ({ value: s, label: text(ASSISTANT_STATUS_NAMES[s]) }))}
          />
          <Select
            style={{ width: 170 }}
            value={sort}
            onChange={(value) => setParam('sort', value === 'id' ? null : value)}
            options={[
              { value: 'id', label: t('network.assistant.sortId') },
              { value: 'name', label: t('network.assistant.sortName') },
              { value: 'startOn', label: t('network.assistant.sortStartOn') },
            ]}
            aria-label={t('network.assistant.sort')}
          />
        </Flex>
      </Card>
      <Card size="small">
        <Table<AssistantSummary>
          rowKey="id"
          size="small"
          data-testid="assistant-table"
          loading={list.isPending && courtId !== undefined}
          dataSource={rows}
          columns={columns}
          pagination={false}
          locale={{ emptyText: t('network.assistant.empty') }}
          scroll={{ x: 960 }}
        />
        <div style={{ marginTop: 12 }}>
          <KeysetFooter
            testId="assistant-list"
            summary={t('network.assistant.summary', { total, loaded: rows.length })}
            hasMore={!!list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoadMore={() => list.fetchNextPage()}
          />
        </div>
      </Card>
      {courtId !== undefined && (
        <AssistantDrawer
          open={creating}
          courtId={courtId}
          assistant={null}
          defaultStationId={stationId}
          onClose={() => setCreating(false)}
        />
      )}
    </Page>
  );
}
