import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Empty, Row, Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../shared/api/problem';
import { Page } from '../../shared/components/Page';
import { useLang } from '../../shared/lib/lang';
import { AuditEntryTable } from '../audit';
import { useCan, useMe } from '../auth';
import { MyCasesCard } from '../cases';
import { MyOrdersCard } from '../work-orders';
import { useWorkbench } from './api';
import { DueItemsCard } from './DueItemsCard';
import { MyCourtCard } from './MyCourtCard';
import { MyTeamsCard } from './MyTeamsCard';
import { ScopeStatistics } from './ScopeStatistics';

const ActivityChart = lazy(() => import('./ActivityChart'));

/** 我的工作台: the user's court, counts in scope, due items, cases, teams, 14-day activity and recent activity. */
export default function WorkbenchPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const me = useMe();
  const can = useCan();
  const canReadAudit = can('audit.read');
  const workbench = useWorkbench();
  const data = workbench.data;
  const recentPagination = { pageSize: 5, size: 'small' as const, showTotal: (count: number) => t('common.total', { count }) };

  return (
    <div data-testid="workbench">
      <Page
        testId="page-workbench"
        title={t('workbench.title')}
        description={me.data ? t('workbench.greeting', { name: me.data.displayName }) : undefined}
        extra={
          <Button icon={<ReloadOutlined />} onClick={() => void workbench.refetch()} loading={workbench.isFetching}>
            {t('common.refresh')}
          </Button>
        }
      >
        {workbench.isError && <Alert type="error" showIcon message={problemText(workbench.error, lang)} style={{ marginBottom: 16 }} />}
        {!data || !me.data ? (
          workbench.isPending && <Skeleton active paragraph={{ rows: 10 }} />
        ) : (
          <Row gutter={[16, 16]}>
            <Col xs={24} xl={12}>
              <MyCourtCard workbench={data} me={me.data} />
            </Col>
            <Col xs={24} xl={12}>
              <ScopeStatistics workbench={data} />
            </Col>
            {data.deadlines && (
              <Col xs={24}>
                <DueItemsCard deadlines={data.deadlines} />
              </Col>
            )}
            {can('order.handle') && (
              <Col xs={24}>
                <MyOrdersCard />
              </Col>
            )}
            {can('case.read') && (
              <Col xs={24}>
                <MyCasesCard />
              </Col>
            )}
            <Col xs={24} xl={10}>
              <MyTeamsCard teams={data.teams} />
            </Col>
            <Col xs={24} xl={14}>
              <Card title={t('workbench.activityTitle')} style={{ height: '100%' }}>
                {data.activityByDay.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
                ) : (
                  <Suspense fallback={<Skeleton.Node active style={{ width: '100%', height: 260 }} />}>
                    <ActivityChart data={data.activityByDay} />
                  </Suspense>
                )}
              </Card>
            </Col>
            <Col xs={24} xxl={canReadAudit ? 12 : 24}>
              <Card title={t('workbench.myRecent')}>
                <AuditEntryTable compact entries={data.myRecentActivity} pagination={recentPagination} testId="my-recent-activity" />
              </Card>
            </Col>
            {/* The court's activity comes only with the right to read the audit trail. */}
            {canReadAudit && (
              <Col xs={24} xxl={12}>
                <Card title={t('workbench.courtRecent')}>
                  <AuditEntryTable
                    compact
                    entries={data.courtRecentActivity}
                    pagination={recentPagination}
                    testId="court-recent-activity"
                  />
                </Card>
              </Col>
            )}
          </Row>
        )}
      </Page>
    </div>
  );
}
