import { ReloadOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import type { WorkOrderView } from '@courtassist/contracts';
import { Alert, App, Button, Card, Flex, Segmented, Select, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api/client';
import { problemText } from '../../shared/api/problem';
import { useProblemHandler } from '../../shared/api/useProblemHandler';
import { KeysetFooter } from '../../shared/components/KeysetFooter';
import { Page } from '../../shared/components/Page';
import { useLang } from '../../shared/lib/lang';
import { useCan, useMe } from '../auth';
import { type BulkResult, type OrderFilter, useCentreTeams, useClaimOrder, useOrders } from './api';
import { DispatchModal, ReturnManyModal } from './BulkModals';
import { BulkResultModal } from './BulkResultModal';
import { ExportButton } from './ExportButton';
import { OrdersTable } from './OrdersTable';
import { useListParams } from './useListParams';

/** 待认领 is the pool; a leader also sees what the team holds, to return it. */
const SCOPES = ['pool', 'accepted', 'in-progress'] as const;
type Scope = (typeof SCOPES)[number];
const PARAMS = { teamId: { fallback: '' }, scope: { allowed: SCOPES, fallback: 'pool' } };

function filterOf(scope: Scope, teamId: number | undefined, leader: boolean): OrderFilter {
  // A leader need not be a member: a chosen team's unclaimed orders are read through the team view.
  if (leader && teamId) return { view: 'team', teamId, status: scope === 'pool' ? 'initiated' : scope };
  return { view: 'pool', teamId };
}

function ClaimButton({ order }: { order: WorkOrderView }) {
  const { t } = useTranslation();
  const lang = useLang();
  const { message } = App.useApp();
  const claim = useClaimOrder();
  const onError = useProblemHandler();
  const onClaim = () =>
    claim.mutate(order.id, {
      onSuccess: () => message.success(t('workOrders.pool.claimed')),
      onError: (error) =>
        // Someone was quicker: say so; the list reloads without the order.
        isApiError(error, 'ALREADY_CLAIMED')
          ? message.warning(t('workOrders.pool.lost', { message: problemText(error, lang) }), 5)
          : onError(error),
    });
  return (
    <Button size="small" type="primary" onClick={onClaim} loading={claim.isPending} data-testid="order-claim">
      {t('workOrders.pool.claim')}
    </Button>
  );
}

/** 工单池: unclaimed orders of my teams, most urgent first; claim one, or (leaders) dispatch or return many. */
export default function PoolPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const me = useMe();
  const leader = can('order.dispatch');
  const handler = can('order.handle');
  const [params, setParams] = useListParams(PARAMS);
  const teams = useCentreTeams();
  const myId = me.data?.id;
  const choices = (teams.data?.items ?? []).filter((x) => leader || x.members.some((m) => m.userId === myId));
  const memberOfAny = choices.some((x) => x.members.some((m) => m.userId === myId));
  // A leader outside every team (a division head) starts with the first team of the court.
  const teamId = Number(params.teamId) > 0 ? Number(params.teamId) : !memberOfAny && leader ? choices[0]?.id : undefined;
  const scope: Scope = leader && teamId ? (params.scope as Scope) : 'pool';
  const filter = filterOf(scope, teamId, leader);
  const listed = !leader || memberOfAny || teamId !== undefined;
  const query = useOrders(filter, 20, listed);
  const orders = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const total = query.data?.pages[0]?.total ?? 0;
  const approximate = !!query.data?.pages[0]?.totalApproximate;
  const [selected, setSelected] = useState<WorkOrderView[]>([]);
  const [bulk, setBulk] = useState<'dispatch' | 'return' | null>(null);
  const [result, setResult] = useState<{ answer: BulkResult; orders: WorkOrderView[] } | null>(null);
  const ids = selected.map((o) => o.id);

  const finish = (answer: BulkResult) => {
    setResult({ answer, orders: selected });
    setBulk(null);
    setSelected([]);
  };

  return (
    <Page
      testId="page-order-pool"
      title={t('workOrders.pool.title')}
      description={t('workOrders.pool.description')}
      extra={
        <>
          <ExportButton request={{ kind: 'orders', ...filter }} disabled={!listed} />
          <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} loading={query.isFetching && !query.isFetchingNextPage}>
            {t('common.refresh')}
          </Button>
        </>
      }
    >
      <Card>
        <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 12 }}>
          <Flex gap={12} align="center" wrap>
            {choices.length > 0 && (
              <Select<number>
                allowClear={memberOfAny}
                value={teamId}
                placeholder={t('workOrders.pool.allTeams')}
                aria-label={t('workOrders.pool.team')}
                onChange={(v) => {
                  setParams({ teamId: v ? String(v) : null, scope: null });
                  setSelected([]);
                }}
                options={choices.map((x) => ({ value: x.id, label: `${x.name} · ${x.courtName}` }))}
                style={{ minWidth: 260 }}
                data-testid="pool-team"
              />
            )}
            {leader && teamId !== undefined && (
              <Segmented<Scope>
                value={scope}
                onChange={(v) => {
                  setParams({ scope: v === 'pool' ? null : v });
                  setSelected([]);
                }}
                options={SCOPES.map((s) => ({
                  value: s,
                  label: s === 'pool' ? t('workOrders.list.unassigned') : t(`workOrders.mine.tabs.${s === 'accepted' ? 'todo' : 'doing'}`),
                }))}
                data-testid="pool-scope"
              />
            )}
          </Flex>
          {leader && (
            <Flex gap={8} align="center" wrap>
              <Typography.Text type="secondary" data-testid="pool-selected">
                {t('workOrders.pool.selected', { count: selected.length })}
              </Typography.Text>
              {scope === 'pool' && (
                <Button
                  icon={<SendOutlined />}
                  type="primary"
                  disabled={selected.length === 0}
                  onClick={() => setBulk('dispatch')}
                  data-testid="pool-dispatch"
                >
                  {t('workOrders.pool.dispatch')}
                </Button>
              )}
              {/* 退回 works on unclaimed orders too (wrongly routed, incomplete) and on what the team holds. */}
              <Button
                icon={<RollbackOutlined />}
                danger
                disabled={selected.length === 0}
                onClick={() => setBulk('return')}
                data-testid="pool-return"
              >
                {t('workOrders.pool.return')}
              </Button>
              {selected.length > 0 && (
                <Button type="link" onClick={() => setSelected([])}>
                  {t('workOrders.pool.clear')}
                </Button>
              )}
            </Flex>
          )}
        </Flex>
        {query.isError && <Alert type="error" showIcon message={problemText(query.error, lang)} style={{ marginBottom: 16 }} />}
        <OrdersTable
          orders={orders}
          loading={query.isPending && query.fetchStatus !== 'idle'}
          testId="pool-table"
          actions={handler && scope === 'pool' ? (o) => <ClaimButton order={o} /> : undefined}
          selection={
            leader
              ? {
                  selectedRowKeys: ids,
                  onChange: (_keys, rows) => setSelected(rows),
                }
              : undefined
          }
          footer={() => (
            <KeysetFooter
              summary={t(approximate ? 'workOrders.list.summaryApprox' : 'workOrders.list.summary', { total, loaded: orders.length })}
              hasMore={!!query.hasNextPage}
              loading={query.isFetchingNextPage}
              onLoadMore={() => void query.fetchNextPage()}
              testId="pool"
            />
          )}
        />
      </Card>
      {leader && (
        <>
          <DispatchModal
            open={bulk === 'dispatch'}
            ids={ids}
            teamId={selected[0]?.teamId ?? teamId}
            onClose={() => setBulk(null)}
            onDone={finish}
          />
          <ReturnManyModal open={bulk === 'return'} ids={ids} onClose={() => setBulk(null)} onDone={finish} />
        </>
      )}
      <BulkResultModal result={result?.answer ?? null} orders={result?.orders ?? []} onClose={() => setResult(null)} />
    </Page>
  );
}
