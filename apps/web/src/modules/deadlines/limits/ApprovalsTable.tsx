import type { LimitChangeView } from '@courtassist/contracts';
import { Button, Flex, Table, type TableProps, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatMoment } from '../../../shared/lib/format';
import { DecisionTimeline } from './DecisionTimeline';
import { LimitKindTag, LimitStatusTag } from './LimitChangeTags';
import { useLimitLabels } from './labels';
import { useLimitActions } from './permissions';

interface ApprovalsTableProps {
  items: LimitChangeView[];
  loading: boolean;
  emptyText: string;
  footer: () => ReactNode;
  onDecide: (change: LimitChangeView) => void;
}

/**
 * Limit changes as rows: the case (linked), what is asked and why, by whom and when, the status
 * (the step awaited) and the decision button; decided rows open onto their decisions.
 */
export function ApprovalsTable({ items, loading, emptyText, footer, onDecide }: ApprovalsTableProps) {
  const { t } = useTranslation();
  const labels = useLimitLabels();
  const actions = useLimitActions();

  const columns: TableProps<LimitChangeView>['columns'] = [
    {
      title: t('limits.field.caseNumber'),
      dataIndex: 'caseNumber',
      width: 210,
      render: (caseNumber: string, c) => (
        <Link to={`/cases/${c.caseId}`} data-testid="approval-case-link">
          {caseNumber}
        </Link>
      ),
    },
    {
      title: `${t('limits.field.kind')} / ${t('limits.field.change')}`,
      key: 'change',
      width: 270,
      render: (_, c) => (
        <Flex gap={4} align="center" wrap>
          <LimitKindTag kind={c.kind} />
          <span>{labels.length(c)}</span>
        </Flex>
      ),
    },
    { title: t('limits.field.reason'), dataIndex: 'reason', ellipsis: { showTitle: true } },
    {
      title: t('limits.field.requestedBy'),
      dataIndex: 'requestedByName',
      width: 170,
      render: (name: string, c) => (
        <>
          {name}
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
            {formatMoment(c.requestedAt)}
          </Typography.Text>
        </>
      ),
    },
    {
      title: t('limits.field.status'),
      dataIndex: 'status',
      width: 120,
      render: (status: LimitChangeView['status']) => <LimitStatusTag status={status} />,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 80,
      fixed: 'right',
      render: (_, c) =>
        actions.mayDecide(c) ? (
          <Button type="primary" size="small" onClick={() => onDecide(c)} data-testid="approval-decide">
            {t('limits.card.decide')}
          </Button>
        ) : null,
    },
  ];
  const decided = items.some((c) => c.decisions.length > 0);

  return (
    <Table<LimitChangeView>
      data-testid="approvals-table"
      rowKey="id"
      loading={loading}
      dataSource={items}
      columns={columns}
      pagination={false}
      scroll={{ x: 1080 }}
      locale={{ emptyText }}
      expandable={
        decided
          ? {
              rowExpandable: (c) => c.decisions.length > 0,
              expandedRowRender: (c) => (
                <div style={{ padding: '4px 24px 0' }}>
                  <Typography.Text type="secondary">{t('limits.field.decisions')}</Typography.Text>
                  <DecisionTimeline decisions={c.decisions} />
                </div>
              ),
            }
          : undefined
      }
      footer={footer}
    />
  );
}
