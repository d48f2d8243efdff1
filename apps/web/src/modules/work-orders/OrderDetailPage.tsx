import { ReloadOutlined } from '@ant-design/icons';
import type { WorkOrderDetail } from '@courtassist/contracts';
import { Alert, Button, Card, Col, Descriptions, Flex, Result, Row, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { isApiError } from '../../shared/api/client';
import { problemText } from '../../shared/api/problem';
import { Page } from '../../shared/components/Page';
import { formatMoment } from '../../shared/lib/format';
import { useLang } from '../../shared/lib/lang';
import { useCan, useMe } from '../auth';
import { useOrder } from './api';
import { DueTime } from './DueTime';
import { typeName } from './labels';
import { OrderActions, usableActions } from './OrderActions';
import { OrderTrace } from './OrderTrace';
import { ResultForm } from './ResultForm';
import { ResultView } from './ResultView';
import { StatusTag } from './StatusTag';

function InfoCard({ order }: { order: WorkOrderDetail }) {
  const { t } = useTranslation();
  const none = '—';
  return (
    <Card title={t('workOrders.detail.info')} style={{ marginBottom: 16 }}>
      <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="order-info">
        <Descriptions.Item label={t('workOrders.field.caseNumber')}>
          <Link to={`/cases/${order.caseId}`} data-testid="order-case">
            {order.caseNumber}
          </Link>
        </Descriptions.Item>
        <Descriptions.Item label={t('workOrders.field.party')}>{order.partyName ?? none}</Descriptions.Item>
        <Descriptions.Item label={t('workOrders.field.dueAt')}>
          <DueTime order={order} inline />
        </Descriptions.Item>
        <Descriptions.Item label={t('workOrders.field.origin')}>{t(`workOrders.origin.${order.origin}`)}</Descriptions.Item>
        <Descriptions.Item label={t('workOrders.field.initiator')}>
          {order.initiatorName ?? t('workOrders.detail.system')}
        </Descriptions.Item>
        <Descriptions.Item label={t('workOrders.field.assignee')}>
          <span data-testid="order-assignee">{order.assigneeName ?? t('workOrders.list.unassigned')}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('workOrders.field.team')}>{order.teamName ?? none}</Descriptions.Item>
        <Descriptions.Item label={t('workOrders.field.court')}>{order.courtName}</Descriptions.Item>
        <Descriptions.Item label={t('workOrders.field.createdAt')}>{formatMoment(order.createdAt)}</Descriptions.Item>
        <Descriptions.Item label={t('workOrders.field.acceptedAt')}>{formatMoment(order.acceptedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('workOrders.field.startedAt')}>{formatMoment(order.startedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('workOrders.field.feedbackAt')}>{formatMoment(order.feedbackAt)}</Descriptions.Item>
        <Descriptions.Item label={t('workOrders.field.completedAt')}>{formatMoment(order.completedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('workOrders.field.note')} span={2}>
          <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{order.note || none}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
    </Card>
  );
}

/** 工单详情: the facts, the steps open to the user, the result (a form for its handler) and the trace. */
export default function OrderDetailPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const can = useCan();
  const me = useMe();
  const id = Number(useParams().id);
  const query = useOrder(id);
  const order = query.data;

  if (!Number.isInteger(id) || id <= 0 || isApiError(query.error, 'NOT_FOUND')) {
    return (
      <Result
        status="404"
        title={t('workOrders.detail.notFound')}
        extra={
          <Link to="/work-orders">
            <Button type="primary">{t('workOrders.detail.back')}</Button>
          </Link>
        }
      />
    );
  }
  if (!order) {
    return query.isError ? (
      <Alert type="error" showIcon message={problemText(query.error, lang)} />
    ) : (
      <Skeleton active paragraph={{ rows: 12 }} />
    );
  }
  const recording = usableActions(order, me.data?.id, can).has('record');

  return (
    <Page
      testId="page-order-detail"
      title={
        <span data-testid="order-title">
          {t('workOrders.detail.title', { id: order.id })} · {typeName(order, lang)}
        </span>
      }
      description={
        <Flex gap={8} align="center" wrap>
          <StatusTag status={order.status} testId="order-status" />
          <Typography.Text type="secondary">{order.caseNumber}</Typography.Text>
        </Flex>
      }
      extra={
        <>
          <Button icon={<ReloadOutlined />} onClick={() => void query.refetch()} loading={query.isFetching}>
            {t('common.refresh')}
          </Button>
          <OrderActions order={order} />
        </>
      }
    >
      {order.status === 'returned' && order.returnReason && (
        <Alert
          type="warning"
          showIcon
          message={t('workOrders.detail.returnedHint', { reason: order.returnReason })}
          style={{ marginBottom: 16 }}
        />
      )}
      {order.status === 'feedback' && order.initiatorId === me.data?.id && (
        <Alert
          type="info"
          showIcon
          message={t('workOrders.detail.feedbackHint')}
          style={{ marginBottom: 16 }}
          data-testid="order-feedback-hint"
        />
      )}
      <Row gutter={16}>
        <Col xs={24} xl={15}>
          <InfoCard order={order} />
          <Card title={recording ? t('workOrders.result.title') : t('workOrders.detail.result')} data-testid="order-result">
            {recording ? (
              <ResultForm key={order.version} order={order} />
            ) : (
              <ResultView
                order={order}
                // The handler has yet to start: the form comes once they do.
                emptyText={
                  order.status === 'accepted' && order.assigneeId === me.data?.id ? t('workOrders.result.onlyAssignee') : undefined
                }
              />
            )}
          </Card>
        </Col>
        <Col xs={24} xl={9}>
          <Card title={t('workOrders.detail.trace')}>
            <OrderTrace events={order.events} />
          </Card>
        </Col>
      </Row>
    </Page>
  );
}
