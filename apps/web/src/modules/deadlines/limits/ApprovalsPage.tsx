import { ReloadOutlined } from '@ant-design/icons';
import { LIMIT_CHANGE_KINDS, LIMIT_CHANGE_STATUSES, type LimitChangeKind, type LimitChangeStatus } from '@courtassist/contracts';
import { Alert, Badge, Button, Card, Flex, Select, Tabs } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../../shared/api/problem';
import { KeysetFooter } from '../../../shared/components/KeysetFooter';
import { Page } from '../../../shared/components/Page';
import { useLang } from '../../../shared/lib/lang';
import { ApprovalsTable } from './ApprovalsTable';
import { useLimitChanges, usePendingCount } from './api';
import { DecideModal } from './DecideModal';
import { useLimitLabels } from './labels';
import { type ApprovalView, useApprovalParams } from './useApprovalParams';

/** 审限审批: the changes awaiting the approver's decision (and, on the second tab, all changes in scope). */
export default function ApprovalsPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const labels = useLimitLabels();
  const [params, filters, setParams] = useApprovalParams();
  const query = useLimitChanges(filters);
  const pendingCount = usePendingCount();
  const items = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const total = query.data?.pages[0]?.total ?? 0;
  const [decideId, setDecideId] = useState<number | null>(null);
  // The dialog reads the change from the live list: reloaded after a refusal, gone once decided.
  const deciding = items.find((c) => c.id === decideId && c.awaiting !== null) ?? null;

  const filterBar = (
    <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }}>
      <Select
        style={{ width: 160 }}
        aria-label={t('limits.filter.kind')}
        value={params.kind ?? ''}
        onChange={(kind: LimitChangeKind | '') => setParams({ kind: kind || undefined })}
        options={[
          { value: '', label: t('limits.filter.anyKind') },
          ...LIMIT_CHANGE_KINDS.map((k) => ({ value: k, label: labels.kind(k) })),
        ]}
        data-testid="approvals-kind"
      />
      {params.view === 'all' && (
        <Select
          style={{ width: 160 }}
          aria-label={t('limits.filter.status')}
          value={params.status ?? ''}
          onChange={(status: LimitChangeStatus | '') => setParams({ status: status || undefined })}
          options={[
            { value: '', label: t('limits.filter.anyStatus') },
            ...LIMIT_CHANGE_STATUSES.map((s) => ({ value: s, label: labels.status(s) })),
          ]}
          data-testid="approvals-status"
        />
      )}
    </Flex>
  );

  return (
    <Page
      testId="page-limit-approvals"
      title={t('limits.title')}
      description={t('limits.description')}
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} loading={query.isFetching && !query.isFetchingNextPage}>
          {t('common.refresh')}
        </Button>
      }
    >
      <Card>
        <Tabs
          activeKey={params.view}
          onChange={(view) => setParams({ view: view as ApprovalView, status: undefined })}
          items={[
            {
              key: 'pending',
              label: (
                <span data-testid="approvals-tab-pending">
                  {t('limits.tab.pending')}
                  <Badge count={pendingCount.data ?? 0} size="small" offset={[6, -2]} showZero={false} />
                </span>
              ),
            },
            { key: 'all', label: <span data-testid="approvals-tab-all">{t('limits.tab.all')}</span> },
          ]}
        />
        {filterBar}
        {query.isError && <Alert type="error" showIcon message={problemText(query.error, lang)} style={{ marginBottom: 16 }} />}
        <ApprovalsTable
          items={items}
          loading={query.isPending || (query.isFetching && !query.isFetchingNextPage)}
          emptyText={params.view === 'pending' && !params.kind ? t('limits.empty') : t('limits.emptyAll')}
          onDecide={(c) => setDecideId(c.id)}
          footer={() => (
            <KeysetFooter
              summary={t('limits.summary', { total, loaded: items.length })}
              hasMore={!!query.hasNextPage}
              loading={query.isFetchingNextPage}
              onLoadMore={() => void query.fetchNextPage()}
              testId="approvals"
            />
          )}
        />
      </Card>
      <DecideModal change={deciding} onClose={() => setDecideId(null)} />
    </Page>
  );
}
