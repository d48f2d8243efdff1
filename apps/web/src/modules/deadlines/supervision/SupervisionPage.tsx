import { FlagOutlined, ReloadOutlined } from '@ant-design/icons';
import type { SupervisionOrderView, SupervisionQuery } from '@courtassist/contracts';
import { Alert, Button, Card, Segmented, Tabs } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { problemText } from '../../../shared/api/problem';
import { KeysetFooter } from '../../../shared/components/KeysetFooter';
import { Page } from '../../../shared/components/Page';
import { useLang } from '../../../shared/lib/lang';
import { useCan } from '../../auth';
import { useSupervisionOrders } from './api';
import { IssueModal } from './IssueModal';
import { RespondModal } from './RespondModal';
import { SupervisionTable } from './SupervisionTable';

type Role = SupervisionQuery['role'];
type Status = NonNullable<SupervisionQuery['status']>;
const STATUSES: Status[] = ['open', 'overdue', 'responded', 'closed'];

/** The tab and status, kept in the URL so that the workbench can link to, say, ?status=overdue. */
function useOrderParams(supervisor: boolean): [{ role: Role; status?: Status }, (patch: { role?: Role; status?: Status | null }) => void] {
  const [params, setParams] = useSearchParams();
  const value = useMemo(() => {
    const rawRole = params.get('role');
    const role: Role = supervisor && (rawRole === 'issued' || rawRole === 'all') ? rawRole : 'received';
    const rawStatus = params.get('status');
    const status = STATUSES.find((s) => s === rawStatus);
    return { role, status };
  }, [params, supervisor]);
  const update = (patch: { role?: Role; status?: Status | null }) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        for (const [name, v] of Object.entries(patch)) {
          if (v) next.set(name, v);
          else next.delete(name);
        }
        return next;
      },
      { replace: true },
    );
  return [value, update];
}

/** 督办: orders addressed to me; for supervisors, also those I issued and every order in scope. */
export default function SupervisionPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const supervisor = can('supervision.issue');
  const [{ role, status }, setParams] = useOrderParams(supervisor);
  const [responding, setResponding] = useState<SupervisionOrderView | null>(null);
  const [issuing, setIssuing] = useState(false);
  const query = useSupervisionOrders({ role, status });
  const orders = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const total = query.data?.pages[0]?.total ?? 0;

  const roles: Role[] = supervisor ? ['received', 'issued', 'all'] : ['received'];

  return (
    <Page
      testId="page-supervision"
      title={t('supervision.title')}
      description={t('supervision.description')}
      extra={
        <>
          <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} loading={query.isFetching && !query.isFetchingNextPage}>
            {t('common.refresh')}
          </Button>
          {supervisor && (
            <Button type="primary" icon={<FlagOutlined />} onClick={() => setIssuing(true)} data-testid="supervision-new">
              {t('supervision.issue.create')}
            </Button>
          )}
        </>
      }
    >
      <Card>
        <Tabs
          activeKey={role}
          onChange={(key) => setParams({ role: key as Role })}
          items={roles.map((r) => ({ key: r, label: <span data-testid={`supervision-tab-${r}`}>{t(`supervision.tabs.${r}`)}</span> }))}
          tabBarExtraContent={
            <Segmented<Status | 'all'>
              value={status ?? 'all'}
              onChange={(v) => setParams({ status: v === 'all' ? null : v })}
              options={[
                { value: 'all', label: t('supervision.status.all') },
                ...STATUSES.map((s) => ({ value: s, label: t(`supervision.status.${s}`) })),
              ]}
              data-testid="supervision-status-filter"
            />
          }
        />
        {query.isError && <Alert type="error" showIcon message={problemText(query.error, lang)} style={{ marginBottom: 16 }} />}
        <SupervisionTable
          orders={orders}
          loading={query.isPending || (query.isFetching && !query.isFetchingNextPage)}
          onRespond={setResponding}
          footer={() => (
            <KeysetFooter
              summary={t('supervision.list.summary', { total, loaded: orders.length })}
              hasMore={!!query.hasNextPage}
              loading={query.isFetchingNextPage}
              onLoadMore={() => void query.fetchNextPage()}
              testId="supervision"
            />
          )}
        />
      </Card>
      <RespondModal order={responding} onClose={() => setResponding(null)} />
      {supervisor && <IssueModal open={issuing} onClose={() => setIssuing(false)} />}
    </Page>
  );
}
