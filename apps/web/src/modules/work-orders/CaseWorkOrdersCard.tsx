import { PlusOutlined } from '@ant-design/icons';
import type { CaseDetail } from '@courtassist/contracts';
import { Alert, Button, Card } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../shared/api/problem';
import { KeysetFooter } from '../../shared/components/KeysetFooter';
import { useLang } from '../../shared/lib/lang';
import { useCan } from '../auth';
import { useOrders } from './api';
import { CreateOrderModal } from './CreateOrderModal';
import { OrdersTable } from './OrdersTable';

const PAGE = 10;

/**
 * 事务工单 on the case page: every order of the case, running in parallel in the centre, each
 * opening its detail; 发起工单 for holders of order.initiate while the case is not archived.
 */
export function CaseWorkOrdersCard({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const [creating, setCreating] = useState(false);
  const readable = can('order.read');
  const query = useOrders({ view: 'all', caseId: detail.id }, PAGE, readable);
  const orders = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const total = query.data?.pages[0]?.total ?? 0;
  if (!readable) return null;

  return (
    <Card
      title={t('workOrders.card.title')}
      style={{ marginBottom: 16 }}
      data-testid="case-work-orders"
      extra={
        can('order.initiate') &&
        detail.status !== 'archived' && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="case-create-order">
            {t('workOrders.card.create')}
          </Button>
        )
      }
    >
      {query.isError && <Alert type="error" showIcon message={problemText(query.error, lang)} style={{ marginBottom: 12 }} />}
      <OrdersTable
        orders={orders}
        loading={query.isPending}
        withoutCase
        testId="case-orders-table"
        footer={
          total > PAGE
            ? () => (
                <KeysetFooter
                  summary={t('workOrders.list.summary', { total, loaded: orders.length })}
                  hasMore={!!query.hasNextPage}
                  loading={query.isFetchingNextPage}
                  onLoadMore={() => void query.fetchNextPage()}
                  testId="case-orders"
                />
              )
            : undefined
        }
      />
      <CreateOrderModal kase={detail} open={creating} onClose={() => setCreating(false)} />
    </Card>
  );
}
