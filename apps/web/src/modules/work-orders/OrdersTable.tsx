import type { WorkOrderView } from '@courtassist/contracts';
import { Table, type TableProps, Typography } from 'antd';
import type { KeyboardEvent, MouseEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useLang } from '../../shared/lib/lang';
import { DueTime } from './DueTime';
import { typeName } from './labels';
import { StatusTag } from './StatusTag';

interface OrdersTableProps {
  orders: WorkOrderView[];
  loading: boolean;
  footer?: () => ReactNode;
  /** Row actions (e.g. 认领), in a column on the right. */
  actions?: (order: WorkOrderView) => ReactNode;
  selection?: TableProps<WorkOrderView>['rowSelection'];
  /** Hide the case column (on the case page every order is of the same case). */
  withoutCase?: boolean;
  testId?: string;
}

/** Clicks on links, buttons and check boxes inside a row do their own thing, not open the order. */
function fromControl(target: EventTarget): boolean {
  return target instanceof Element && !!target.closest('a, button, input, label, .ant-checkbox-wrapper');
}

/**
 * Work orders in a table whose rows are focusable: Tab moves between them and Enter (or a click)
 * opens the order — centre staff work through these lists all day from the keyboard.
 */
export function OrdersTable({ orders, loading, footer, actions, selection, withoutCase, testId = 'orders-table' }: OrdersTableProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const navigate = useNavigate();
  const open = (o: WorkOrderView) => navigate(`/work-orders/${o.id}`);

  const columns: TableProps<WorkOrderView>['columns'] = [
    {
      title: t('workOrders.field.id'),
      dataIndex: 'id',
      width: withoutCase ? 64 : 80,
      render: (id: number) => (
        <Link to={`/work-orders/${id}`} tabIndex={-1} data-testid="order-link">
          #{id}
        </Link>
      ),
    },
    ...(withoutCase
      ? []
      : [
          {
            title: t('workOrders.field.caseNumber'),
            dataIndex: 'caseNumber',
            width: 200,
            render: (caseNumber: string, o: WorkOrderView) => (
              <Link to={`/cases/${o.caseId}`} tabIndex={-1} data-testid="order-case">
                {caseNumber}
              </Link>
            ),
          },
        ]),
    {
      title: t('workOrders.field.type'),
      dataIndex: 'typeNameZh',
      width: withoutCase ? 128 : 150,
      render: (_: string, o) => (
        <>
          <Typography.Text data-testid="order-type">{typeName(o, lang)}</Typography.Text>
          {o.partyName && (
            <Typography.Text type="secondary" ellipsis={{ tooltip: o.partyName }} style={{ display: 'block', fontSize: 12 }}>
              {o.partyName}
            </Typography.Text>
          )}
        </>
      ),
    },
    {
      title: t('workOrders.field.status'),
      dataIndex: 'status',
      width: 84,
      render: (_: string, o) => <StatusTag status={o.status} testId="order-status" />,
    },
    { title: t('workOrders.field.dueAt'), dataIndex: 'dueAt', width: 160, render: (_: string, o) => <DueTime order={o} /> },
    {
      title: t('workOrders.field.initiator'),
      dataIndex: 'initiatorName',
      width: withoutCase ? 80 : 90,
      render: (name: string | null) => name ?? t('workOrders.detail.system'),
    },
    {
      title: t('workOrders.field.assignee'),
      dataIndex: 'assigneeName',
      width: withoutCase ? 80 : 90,
      render: (name: string | null) => name ?? <Typography.Text type="secondary">{t('workOrders.list.unassigned')}</Typography.Text>,
    },
  ];
  // On the case page the card is narrow: the request is read on the order itself.
  if (!withoutCase) {
    columns.push({
      title: t('workOrders.field.note'),
      dataIndex: 'note',
      render: (note: string) => (
        <Typography.Text type="secondary" ellipsis={{ tooltip: note }} style={{ maxWidth: 260 }}>
          {note || '—'}
        </Typography.Text>
      ),
    });
  }
  if (actions) {
    columns.push({ title: t('common.actions'), key: 'actions', width: 96, fixed: 'right', render: (_: unknown, o) => actions(o) });
  }

  return (
    <Table<WorkOrderView>
      data-testid={testId}
      rowKey="id"
      size={withoutCase ? 'small' : 'middle'}
      loading={loading}
      dataSource={orders}
      columns={columns}
      pagination={false}
      rowSelection={selection}
      scroll={{ x: withoutCase ? 600 : 1040 }}
      onRow={(o) => ({
        tabIndex: 0,
        'aria-label': t('workOrders.list.rowLabel', { id: o.id, caseNumber: o.caseNumber, type: typeName(o, lang) }),
        'data-order-id': o.id,
        style: { cursor: 'pointer', ...(o.overdue ? { background: '#fff1f0' } : {}) },
        onClick: (e: MouseEvent) => {
          if (!fromControl(e.target)) open(o);
        },
        onKeyDown: (e: KeyboardEvent) => {
          if (e.key === 'Enter' && e.target === e.currentTarget) open(o);
        },
      })}
      locale={{ emptyText: t('workOrders.list.empty') }}
      footer={footer}
    />
  );
}
