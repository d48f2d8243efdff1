import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useOrderCount } from './api';

/** The workbench's 我的工单: what waits for me in the centre, each count linking to its list. */
export function MyOrdersCard() {
  const { t } = useTranslation();
  const todo = useOrderCount({ view: 'mine', tab: 'todo' });
  const doing = useOrderCount({ view: 'mine', tab: 'doing' });
  const overdue = useOrderCount({ view: 'mine', overdue: 'true' });
  const pool = useOrderCount({ view: 'pool' });
  const cells = [
    { key: 'todo', to: '/work-orders?tab=todo', value: todo.data },
    { key: 'doing', to: '/work-orders?tab=doing', value: doing.data },
    { key: 'overdue', to: '/work-orders?tab=todo&overdue=true', value: overdue.data, danger: true },
    { key: 'pool', to: '/work-orders/pool', value: pool.data },
  ] as const;
  return (
    <Card
      title={t('workOrders.workbench.title')}
      extra={<Link to="/work-orders">{t('workOrders.workbench.open')}</Link>}
      data-testid="my-orders-card"
    >
      <Row gutter={[16, 16]}>
        {cells.map((c) => (
          <Col key={c.key} xs={12} md={6}>
            <Link to={c.to} data-testid={`my-orders-${c.key}`}>
              <Statistic
                title={t(`workOrders.workbench.${c.key}`)}
                value={c.value ?? '—'}
                valueStyle={'danger' in c && c.danger && (c.value ?? 0) > 0 ? { color: '#cf1322' } : undefined}
              />
            </Link>
          </Col>
        ))}
      </Row>
    </Card>
  );
}
