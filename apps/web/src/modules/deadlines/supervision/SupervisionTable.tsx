import type { SupervisionOrderView } from '@courtassist/contracts';
import { Table, type TableProps, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatMoment } from '../../../shared/lib/format';
import { DueDate } from './DueDate';
import { OrderActions } from './OrderActions';
import { SupervisionStatusTag } from './SupervisionStatusTag';

interface SupervisionTableProps {
  orders: SupervisionOrderView[];
  loading: boolean;
  onRespond: (order: SupervisionOrderView) => void;
  footer?: () => ReactNode;
  testId?: string;
}

/** Supervision orders with their state; an overdue order's row is tinted red. */
export function SupervisionTable({ orders, loading, onRespond, footer, testId = 'supervision-table' }: SupervisionTableProps) {
  const { t } = useTranslation();
  const columns: TableProps<SupervisionOrderView>['columns'] = [
    {
      title: t('supervision.field.caseNumber'),
      dataIndex: 'caseNumber',
      width: 210,
      render: (caseNumber: string, o) => (
        <>
          <Link to={`/cases/${o.caseId}`} data-testid="order-case">
            {caseNumber}
          </Link>
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {t('supervision.field.createdAt')} {formatMoment(o.createdAt)}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('supervision.field.text'),
      dataIndex: 'text',
      render: (text: string) => (
        <Typography.Paragraph ellipsis={{ rows: 2, tooltip: text }} style={{ marginBottom: 0 }}>
          {text}
        </Typography.Paragraph>
      ),
    },
    { title: t('supervision.field.issuedBy'), dataIndex: 'issuedByName', width: 100 },
    { title: t('supervision.field.recipient'), dataIndex: 'recipientName', width: 100 },
    { title: t('supervision.field.dueOn'), dataIndex: 'dueOn', width: 120, render: (_: string, o) => <DueDate order={o} /> },
    { title: t('common.status'), dataIndex: 'status', width: 90, render: (_: string, o) => <SupervisionStatusTag order={o} /> },
    {
      title: t('supervision.field.response'),
      dataIndex: 'response',
      render: (response: string | null, o) =>
        response ? (
          <>
            <Typography.Paragraph ellipsis={{ rows: 2, tooltip: response }} style={{ marginBottom: 0 }} data-testid="order-response">
              {response}
            </Typography.Paragraph>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {formatMoment(o.respondedAt)}
            </Typography.Text>
          </>
        ) : (
          <Typography.Text type="secondary">{t('supervision.list.noResponse')}</Typography.Text>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 120,
      fixed: 'right',
      render: (_: unknown, o) => <OrderActions order={o} onRespond={onRespond} />,
    },
  ];

  return (
    <Table<SupervisionOrderView>
      data-testid={testId}
      rowKey="id"
      loading={loading}
      dataSource={orders}
      columns={columns}
      pagination={false}
      scroll={{ x: 1040 }}
      onRow={(o) => ({ 'data-order-id': o.id, style: o.overdue ? { background: '#fff1f0' } : undefined })}
      locale={{ emptyText: t('supervision.list.empty') }}
      footer={footer}
    />
  );
}
