import { BellOutlined, CalendarOutlined, CheckSquareOutlined, FlagOutlined, WarningOutlined } from '@ant-design/icons';
import { HEARING_KIND_NAMES, type HearingView, type WorkbenchDeadlines } from '@courtassist/contracts';
import { Alert, Card, Col, Empty, Flex, List, Row, Skeleton, Statistic, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { problemText } from '../../shared/api/problem';
import { useBilingual, useLang } from '../../shared/lib/lang';
import { useCan, useMe } from '../auth';
import { DueDate, SupervisionStatusTag } from '../deadlines';
import { thisWeekInChina, useMyOverdueOrders, useMyWeekHearings } from './api';

const CST_MS = 8 * 3_600_000;

/** `MM-DD 周三 09:00` of a moment, in court time (CST) whatever the browser's zone. */
function hearingTime(startsAt: string, weekdays: string[]): string {
  const cst = new Date(Date.parse(startsAt) + CST_MS);
  const iso = cst.toISOString();
  return `${iso.slice(5, 10)} ${weekdays[(cst.getUTCDay() + 6) % 7]} ${iso.slice(11, 16)}`;
}

function Figure({
  to,
  title,
  value,
  icon,
  danger,
  testId,
}: {
  to?: string;
  title: string;
  value: number;
  icon: ReactNode;
  danger?: boolean;
  testId: string;
}) {
  const figure = (
    <Statistic
      title={title}
      value={value}
      prefix={icon}
      valueStyle={{ color: danger && value > 0 ? '#f5222d' : value > 0 ? '#1677ff' : undefined }}
      data-testid={testId}
    />
  );
  return to ? <Link to={to}>{figure}</Link> : figure;
}

interface DueItemsCardProps {
  deadlines: WorkbenchDeadlines;
}

/** 待办事项: orders addressed to me (overdue in red), approvals awaiting me, unread notices, this week's hearings. */
export function DueItemsCard({ deadlines }: DueItemsCardProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const bilingual = useBilingual();
  const can = useCan();
  const me = useMe();
  const approver = can('limit.approve') || can('limit.approve.president');
  const readsHearings = can('case.read') || can('hearing.schedule');
  const overdue = useMyOverdueOrders(deadlines.supervisionReceivedCount > 0);
  const hearings = useMyWeekHearings(me.data?.id, readsHearings);
  const week = thisWeekInChina();
  const weekdays = t('hearings.weekdays').split(',');
  const orders = deadlines.supervisionReceived;
  const more = deadlines.supervisionReceivedCount - orders.length;

  return (
    <Card title={t('supervision.due.title')} data-testid="due-items" style={{ height: '100%' }}>
      <Flex gap={40} wrap style={{ marginBottom: 20 }}>
        <Figure
          to="/supervision?status=open"
          title={t('supervision.due.openOrders')}
          value={deadlines.supervisionReceivedCount}
          icon={<FlagOutlined />}
          testId="due-open-orders"
        />
        <Figure
          to="/supervision?status=overdue"
          title={t('supervision.due.overdueOrders')}
          value={overdue.data ?? 0}
          icon={<WarningOutlined />}
          danger
          testId="due-overdue-orders"
        />
        {approver && (
          <Figure
            to="/limit-approvals"
            title={t('supervision.due.pendingApprovals')}
            value={deadlines.pendingApprovals}
            icon={<CheckSquareOutlined />}
            testId="due-approvals"
          />
        )}
        <Figure title={t('supervision.due.unread')} value={deadlines.unreadNotifications} icon={<BellOutlined />} testId="due-unread" />
        {readsHearings && (
          <Figure
            to="/hearings"
            title={t('supervision.due.hearingsWeek')}
            value={hearings.data?.total ?? 0}
            icon={<CalendarOutlined />}
            testId="due-hearings"
          />
        )}
      </Flex>
      <Row gutter={[24, 16]}>
        <Col xs={24} xl={readsHearings ? 14 : 24}>
          <Flex justify="space-between" align="baseline" style={{ marginBottom: 8 }}>
            <Typography.Text strong>{t('supervision.due.ordersTitle')}</Typography.Text>
            <Link to="/supervision">{more > 0 ? t('supervision.due.moreOrders', { count: more }) : t('supervision.due.viewAll')}</Link>
          </Flex>
          <List
            size="small"
            bordered
            dataSource={orders}
            data-testid="due-orders"
            locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervision.due.noOrders')} /> }}
            renderItem={(order) => (
              <List.Item
                style={order.overdue ? { background: '#fff1f0' } : undefined}
                extra={<DueDate order={order} />}
                data-testid="due-order"
              >
                <List.Item.Meta
                  title={
                    <Flex gap={8} align="center" wrap>
                      <Link to={`/cases/${order.caseId}`}>{order.caseNumber}</Link>
                      <SupervisionStatusTag order={order} />
                      <Typography.Text type="secondary" style={{ fontWeight: 'normal', fontSize: 12 }}>
                        {t('supervision.due.from', { name: order.issuedByName })}
                      </Typography.Text>
                    </Flex>
                  }
                  description={
                    <Typography.Paragraph ellipsis={{ rows: 2, tooltip: order.text }} style={{ marginBottom: 0 }}>
                      {order.text}
                    </Typography.Paragraph>
                  }
                />
              </List.Item>
            )}
          />
        </Col>
        {readsHearings && (
          <Col xs={24} xl={10}>
            <Flex justify="space-between" align="baseline" style={{ marginBottom: 8 }}>
              <Typography.Text strong>{t('supervision.due.hearingsTitle', { from: week.from, to: week.to })}</Typography.Text>
              <Link to="/hearings">{t('supervision.due.viewAll')}</Link>
            </Flex>
            {hearings.isError ? (
              <Alert type="error" showIcon message={problemText(hearings.error, lang)} />
            ) : hearings.isPending ? (
              <Skeleton active paragraph={{ rows: 3 }} />
            ) : (
              <List<HearingView>
                size="small"
                bordered
                dataSource={hearings.data.items}
                data-testid="due-hearings-list"
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('supervision.due.noHearings')} /> }}
                renderItem={(h) => (
                  <List.Item>
                    <Flex vertical gap={2} style={{ minWidth: 0 }}>
                      <Typography.Text strong>{hearingTime(h.startsAt, weekdays)}</Typography.Text>
                      <Flex gap={8} wrap>
                        <Link to={`/cases/${h.caseId}`}>{h.caseNumber}</Link>
                        <Typography.Text type="secondary">
                          {h.courtroomName} · {bilingual(HEARING_KIND_NAMES[h.kind])}
                        </Typography.Text>
                      </Flex>
                    </Flex>
                  </List.Item>
                )}
              />
            )}
          </Col>
        )}
      </Row>
    </Card>
  );
}
