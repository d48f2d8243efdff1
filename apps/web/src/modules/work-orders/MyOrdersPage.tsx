import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Flex, Segmented, Switch, Tabs, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../shared/api/problem';
import { KeysetFooter } from '../../shared/components/KeysetFooter';
import { Page } from '../../shared/components/Page';
import { useLang } from '../../shared/lib/lang';
import { useCan, useMe } from '../auth';
import { type OrderFilter, useOrderCount, useOrders } from './api';
import { ExportButton } from './ExportButton';
import { OrdersTable } from './OrdersTable';
import { TypeSelect } from './TypeSelect';
import { useListParams } from './useListParams';

const TABS = ['todo', 'doing', 'done', 'initiated'] as const;
type Tab = (typeof TABS)[number];
const SUBS = ['all', 'todo', 'doing', 'done'] as const;
type Sub = (typeof SUBS)[number];

const PARAMS = {
  tab: { allowed: TABS, fallback: '' },
  sub: { allowed: SUBS, fallback: 'all' },
  typeId: { fallback: '' },
  overdue: { allowed: ['true'], fallback: '' },
};

/** The list a tab shows: my orders by stage, or the orders I initiated. */
function filterOf(tab: Tab, sub: Sub, typeId: number | undefined, overdue: boolean): OrderFilter {
  const base = { typeId, overdue: overdue ? ('true' as const) : undefined };
  if (tab === 'initiated') return { view: 'initiated', tab: sub === 'all' ? undefined : sub, ...base };
  return { view: 'mine', tab, ...base };
}

function TabLabel({ tab, count }: { tab: Tab; count: number | undefined }) {
  const { t } = useTranslation();
  return (
    <span data-testid={`orders-tab-${tab}`}>
      {t(`workOrders.mine.tabs.${tab}`)}
      {count !== undefined && tab !== 'done' && (
        <Badge count={count} overflowCount={999} showZero={false} color="#1677ff" style={{ marginInlineStart: 6 }} />
      )}
    </span>
  );
}

/** 我的工单: 待办 / 在办 / 已办 for centre staff, and the orders I initiated. */
export default function MyOrdersPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const me = useMe();
  const handler = can('order.handle');
  const [params, setParams] = useListParams(PARAMS);
  // Those who only initiate orders (clerks, judges) land on what they initiated.
  const tab: Tab = (params.tab as Tab) || (handler ? 'todo' : 'initiated');
  const typeId = Number(params.typeId) > 0 ? Number(params.typeId) : undefined;
  const overdue = params.overdue === 'true';
  const filter = filterOf(tab, params.sub as Sub, typeId, overdue);
  const query = useOrders(filter);
  const orders = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const total = query.data?.pages[0]?.total ?? 0;
  const approximate = !!query.data?.pages[0]?.totalApproximate;
  // Anyone may be given an order (an inspector's 信息补正 goes to the judge): counted for all.
  const todo = useOrderCount({ view: 'mine', tab: 'todo' }, true);
  const doing = useOrderCount({ view: 'mine', tab: 'doing' }, true);
  const awaiting = useOrderCount({ view: 'initiated', tab: 'todo' }, can('order.initiate'));
  const counts: Record<Tab, number | undefined> = { todo: todo.data, doing: doing.data, done: undefined, initiated: awaiting.data };
  const given = (todo.data ?? 0) + (doing.data ?? 0) > 0;
  const tabs: Tab[] = handler || given || tab !== 'initiated' ? [...TABS] : ['initiated'];

  return (
    <Page
      testId="page-my-orders"
      title={t('workOrders.mine.title')}
      description={t('workOrders.mine.description')}
      extra={
        <>
          <ExportButton request={{ kind: 'orders', ...filter }} />
          <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} loading={query.isFetching && !query.isFetchingNextPage}>
            {t('common.refresh')}
          </Button>
        </>
      }
    >
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key, sub: null })}
          items={tabs.map((key) => ({ key, label: <TabLabel tab={key} count={counts[key]} /> }))}
          tabBarExtraContent={
            <Flex gap={12} align="center" wrap>
              <TypeSelect courtId={me.data?.court.id} value={typeId} onChange={(v) => setParams({ typeId: v ? String(v) : null })} />
              <Flex gap={6} align="center">
                <Switch
                  size="small"
                  checked={overdue}
                  onChange={(on) => setParams({ overdue: on ? 'true' : null })}
                  aria-label={t('workOrders.mine.overdueOnly')}
                  data-testid="orders-overdue-filter"
                />
                <Typography.Text>{t('workOrders.mine.overdueOnly')}</Typography.Text>
              </Flex>
            </Flex>
          }
        />
        {tab === 'initiated' && (
          <Segmented<Sub>
            value={params.sub as Sub}
            onChange={(v) => setParams({ sub: v === 'all' ? null : v })}
            options={SUBS.map((s) => ({ value: s, label: t(`workOrders.mine.initiated.${s}`) }))}
            style={{ marginBottom: 12 }}
            data-testid="orders-initiated-filter"
          />
        )}
        {query.isError && <Alert type="error" showIcon message={problemText(query.error, lang)} style={{ marginBottom: 16 }} />}
        <OrdersTable
          orders={orders}
          loading={query.isPending || (query.isFetching && !query.isFetchingNextPage)}
          testId="my-orders-table"
          footer={() => (
            <KeysetFooter
              summary={t(approximate ? 'workOrders.list.summaryApprox' : 'workOrders.list.summary', { total, loaded: orders.length })}
              hasMore={!!query.hasNextPage}
              loading={query.isFetchingNextPage}
              onLoadMore={() => void query.fetchNextPage()}
              testId="my-orders"
            />
          )}
        />
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
          {t('workOrders.list.keyboardHint')}
        </Typography.Text>
      </Card>
    </Page>
  );
}
