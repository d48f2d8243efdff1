import { FlagOutlined } from '@ant-design/icons';
import type { CaseDetail, SupervisionOrderView } from '@courtassist/contracts';
import { Alert, Button, Card, Empty, Flex, Skeleton } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../../shared/api/problem';
import { KeysetFooter } from '../../../shared/components/KeysetFooter';
import { useLang } from '../../../shared/lib/lang';
import { useCan } from '../../auth';
import { useSupervisionOrders } from './api';
import { IssueModal } from './IssueModal';
import { OrderItem } from './OrderItem';
import { RespondModal } from './RespondModal';

const PAGE = 10;

/**
 * 督办 on the case page: the case's supervision orders — every one for supervisors, otherwise those
 * addressed to the user — with 督办 for holders of supervision.issue, and respond / close in the rows.
 */
export function CaseSupervisionCard({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const supervisor = can('supervision.issue');
  const [issuing, setIssuing] = useState(false);
  const [responding, setResponding] = useState<SupervisionOrderView | null>(null);
  const query = useSupervisionOrders({ role: supervisor ? 'all' : 'received', caseId: detail.id }, PAGE);
  const orders = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const total = query.data?.pages[0]?.total ?? 0;

  return (
    <Card
      title={t('supervision.card.title')}
      style={{ marginBottom: 16 }}
      data-testid="case-supervision"
      extra={
        supervisor &&
        detail.status !== 'archived' && (
          <Button size="small" icon={<FlagOutlined />} onClick={() => setIssuing(true)} data-testid="case-supervise">
            {t('supervision.issue.action')}
          </Button>
        )
      }
    >
      {query.isError && <Alert type="error" showIcon message={problemText(query.error, lang)} style={{ marginBottom: 12 }} />}
      {query.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : orders.length === 0 ? (
        !query.isError && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervision.card.empty')} />
      ) : (
        <Flex vertical gap={10}>
          {orders.map((order) => (
            <OrderItem key={order.id} order={order} onRespond={setResponding} />
          ))}
          {total > orders.length || query.hasNextPage ? (
            <KeysetFooter
              summary={t('supervision.list.summary', { total, loaded: orders.length })}
              hasMore={!!query.hasNextPage}
              loading={query.isFetchingNextPage}
              onLoadMore={() => void query.fetchNextPage()}
              testId="case-supervision"
            />
          ) : null}
        </Flex>
      )}
      <RespondModal order={responding} onClose={() => setResponding(null)} />
      {supervisor && <IssueModal open={issuing} onClose={() => setIssuing(false)} kase={detail} />}
    </Card>
  );
}
