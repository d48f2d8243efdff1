import type { AuditEntry } from '@courtassist/contracts';
import { Button, Table, type TableProps, Tag, Tooltip, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoment } from '../../shared/lib/format';
import { ChangesTable } from './ChangesTable';
import { actionColor, useAuditLabels } from './labels';

interface AuditEntryTableProps {
  entries: AuditEntry[];
  loading?: boolean;
  /** Fewer columns, for the workbench and the history drawer. */
  compact?: boolean;
  /** Hide the entity column (the history of a single record). */
  hideEntity?: boolean;
  pagination?: TableProps<AuditEntry>['pagination'];
  footer?: () => ReactNode;
  onActorClick?: (entry: AuditEntry) => void;
  onEntityClick?: (entry: AuditEntry) => void;
  testId?: string;
}

/** Audit entries rendered readably: when, who, what, on which record, which fields changed. */
export function AuditEntryTable({
  entries,
  loading,
  compact,
  hideEntity,
  pagination = false,
  footer,
  onActorClick,
  onEntityClick,
  testId,
}: AuditEntryTableProps) {
  const { t } = useTranslation();
  const labels = useAuditLabels();

  const columns: TableProps<AuditEntry>['columns'] = [
    { title: t('audit.at'), dataIndex: 'at', width: 170, render: (at: string) => formatMoment(at) },
    {
      title: t('audit.actor'),
      dataIndex: 'actorName',
      width: compact ? 120 : 160,
      render: (name: string, entry) =>
        onActorClick && entry.actorId !== null ? (
          <Tooltip title={t('audit.filterByActor')}>
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onActorClick(entry)}>
              {name}
            </Button>
          </Tooltip>
        ) : (
          name
        ),
    },
    {
      title: t('audit.action'),
      dataIndex: 'action',
      width: 120,
      render: (action: string) => <Tag color={actionColor(action)}>{labels.action(action)}</Tag>,
    },
  ];
  if (!hideEntity) {
    columns.push({
      title: t('audit.entity'),
      key: 'entity',
      width: compact ? 150 : 180,
      render: (_, entry) => {
        const text = `${labels.entity(entry.entityType)} #${entry.entityId}`;
        return onEntityClick ? (
          <Tooltip title={t('audit.filterByEntity')}>
            <Button type="link" size="small" style={{ padding: 0 }} onClick={() => onEntityClick(entry)}>
              {text}
            </Button>
          </Tooltip>
        ) : (
          text
        );
      },
    });
  }
  columns.push({
    title: t('audit.changes'),
    key: 'changes',
    ellipsis: true,
    render: (_, entry) => {
      const fields = Object.keys(entry.changes);
      if (fields.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
      return fields.map((f) => labels.field(f)).join(t('common.listSeparator'));
    },
  });
  if (!compact) {
    columns.push(
      { title: t('audit.ip'), dataIndex: 'ip', width: 130, render: (ip: string | null) => ip ?? '—' },
      {
        title: t('audit.requestId'),
        dataIndex: 'requestId',
        width: 120,
        ellipsis: true,
        render: (id: string | null) => (id ? <Typography.Text copyable={{ text: id }}>{id}</Typography.Text> : '—'),
      },
    );
  }

  return (
    <Table<AuditEntry>
      data-testid={testId}
      size={compact ? 'small' : 'middle'}
      rowKey="id"
      loading={loading}
      dataSource={entries}
      columns={columns}
      pagination={pagination}
      footer={footer}
      scroll={{ x: compact ? 640 : 1000 }}
      expandable={{
        rowExpandable: (entry) => Object.keys(entry.changes).length > 0,
        expandedRowRender: (entry) => <ChangesTable changes={entry.changes} />,
      }}
    />
  );
}
