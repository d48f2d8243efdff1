import type { DeliveryTaskView } from '@courtassist/contracts';
import { Alert, Button, Empty, Flex, Spin, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { problemText } from '../../shared/api/problem';
import { useLang } from '../../shared/lib/lang';
import { useCaseTasks } from './api';
import { documentName, endReasonName, methodName, roleName } from './labels';
import { StatusTag } from './StatusTag';

interface Group {
  partyId: number;
  partyName: string;
  partyRole: string;
  tasks: DeliveryTaskView[];
}

function groupByParty(tasks: DeliveryTaskView[]): Group[] {
  const groups = new Map<number, Group>();
  for (const task of tasks) {
    const group = groups.get(task.partyId) ?? { partyId: task.partyId, partyName: task.partyName, partyRole: task.partyRole, tasks: [] };
    group.tasks.push(task);
    groups.set(task.partyId, group);
  }
  return [...groups.values()];
}

/** The case's delivery tasks, one small table per recipient; the whole list is loaded (a case has few). */
export function TasksByParty({ caseId, onOpen }: { caseId: number; onOpen: (taskId: number) => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const query = useCaseTasks(caseId);
  const tasks = useMemo(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  const total = query.data?.pages[0]?.total ?? 0;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const columns: ColumnsType<DeliveryTaskView> = [
    { title: t('delivery.field.document'), key: 'document', render: (_, task) => documentName(task.documentKind, lang) },
    { title: t('delivery.field.status'), key: 'status', width: 100, render: (_, task) => <StatusTag status={task.status} /> },
    {
      title: t('delivery.field.method'),
      key: 'method',
      render: (_, task) =>
        task.servedMethod ? methodName(task.servedMethod, lang) : task.endReason ? endReasonName(task.endReason, lang) : '—',
    },
    { title: t('delivery.field.servedOn'), key: 'servedOn', width: 110, render: (_, task) => task.servedOn ?? '—' },
    { title: t('delivery.field.attempts'), dataIndex: 'attemptCount', width: 70, align: 'right' },
    {
      title: t('common.actions'),
      key: 'open',
      width: 80,
      render: (_, task) => (
        <Button type="link" size="small" onClick={() => onOpen(task.id)} data-testid="delivery-task-open">
          {t('delivery.card.open')}
        </Button>
      ),
    },
  ];

  if (query.isError) return <Alert type="error" showIcon message={problemText(query.error, lang)} />;
  if (query.isPending) return <Spin />;
  if (tasks.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('delivery.card.empty')} />;
  const served = tasks.filter((task) => task.status === 'served').length;
  const ended = tasks.filter((task) => task.status === 'failed').length;
  return (
    <Flex vertical gap={12}>
      {groupByParty(tasks).map((group) => (
        <div key={group.partyId} data-testid="delivery-party" data-party={group.partyName}>
          <Flex gap={8} align="center" style={{ marginBottom: 6 }}>
            <Typography.Text strong>{group.partyName}</Typography.Text>
            <Tag bordered={false}>{roleName(group.partyRole, lang)}</Tag>
          </Flex>
          <Table
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={group.tasks}
            pagination={false}
            onRow={(task) => ({ 'data-testid': 'delivery-task', 'data-document': task.documentKind }) as React.HTMLAttributes<HTMLElement>}
          />
        </div>
      ))}
      <Typography.Text type="secondary" data-testid="delivery-total">
        {ended > 0 ? t('delivery.card.summaryEnded', { total, served, ended }) : t('delivery.card.summary', { total, served })}
      </Typography.Text>
    </Flex>
  );
}
