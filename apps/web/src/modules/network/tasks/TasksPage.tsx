import { PlusOutlined } from '@ant-design/icons';
import {
  NETWORK_TASK_KIND_NAMES,
  NETWORK_TASK_KINDS,
  NETWORK_TASK_STATUS_NAMES,
  NETWORK_TASK_STATUSES,
  type NetworkTaskKind,
  type NetworkTaskStatus,
  type NetworkTaskView,
} from '@courtassist/contracts';
import { Button, Card, Checkbox, Flex, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { KeysetFooter } from '../../../shared/components/KeysetFooter';
import { Page } from '../../../shared/components/Page';
import { useBilingual } from '../../../shared/lib/lang';
import { useCan } from '../../auth';
import { TaskStatusTag } from '../mobile/common';
import { AssignDialog } from './AssignDialog';
import { useCourtTasks } from './api';
import { TaskDrawer } from './TaskDrawer';

/** 协助任务: the court's list of assistants' tasks, with filters and totals; the drawer confirms or sends back. */
export default function TasksPage() {
  const { t } = useTranslation();
  const text = useBilingual();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const kind = (params.get('kind') as NetworkTaskKind | null) ?? undefined;
  const status = (params.get('status') as NetworkTaskStatus | null) ?? undefined;
  const overdue = params.get('overdue') === 'true' ? 'true' : undefined;
  const open = Number(params.get('task')) || null;
  const setParam = (name: string, value: string | number | undefined | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value === undefined || value === null || value === '') next.delete(name);
      else next.set(name, String(value));
      return next;
    });
  const [assigning, setAssigning] = useState(false);
  const list = useCourtTasks({ kind, status, overdue }, 20);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;

  return (
    <Page
      testId="network-tasks-page"
      title={t('networkTasks.title')}
      description={t('networkTasks.description')}
      extra={
        (can('network.task.assign') || can('network.manage')) && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAssigning(true)} data-testid="task-assign">
            {t('networkTasks.assign')}
          </Button>
        )
      }
    >
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap align="center">
          <Select
            allowClear
            style={{ width: 180 }}
            placeholder={t('networkTasks.filterKind')}
            value={kind}
            onChange={(v) => setParam('kind', v)}
            options={NETWORK_TASK_KINDS.map((k) => ({ value: k, label: text(NETWORK_TASK_KIND_NAMES[k]) }))}
            data-testid="tasks-filter-kind"
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('networkTasks.filterStatus')}
            value={status}
            onChange={(v) => setParam('status', v)}
            options={NETWORK_TASK_STATUSES.map((s) => ({ value: s, label: text(NETWORK_TASK_STATUS_NAMES[s]) }))}
            data-testid="tasks-filter-status"
          />
          <Checkbox checked={overdue === 'true'} onChange={(e) => setParam('overdue', e.target.checked ? 'true' : null)}>
            {t('networkTasks.overdueOnly')}
          </Checkbox>
        </Flex>
      </Card>
      <Card size="small">
        <Table<NetworkTaskView>
          rowKey="id"
          size="small"
          data-testid="tasks-table"
          loading={list.isPending}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: t('networkTasks.empty') }}
          onRow={(row) => ({ onClick: () => setParam('task', row.id), style: { cursor: 'pointer' } })}
          columns={[
            {
              title: t('networkTasks.col.title'),
              dataIndex: 'title',
              render: (_: unknown, r) => (
                <Typography.Link data-testid={`task-row-${r.id}`} onClick={() => setParam('task', r.id)}>
                  {r.title}
                </Typography.Link>
              ),
            },
            { title: t('networkTasks.col.kind'), dataIndex: 'kind', render: (v: NetworkTaskKind) => text(NETWORK_TASK_KIND_NAMES[v]) },
            { title: t('networkTasks.col.assistant'), dataIndex: 'assistantName' },
            {
              title: t('networkTasks.col.target'),
              dataIndex: 'target',
              render: (_: unknown, r) => [r.target.caseNumber, r.target.partyName].filter(Boolean).join(' ') || '—',
            },
            {
              title: t('networkTasks.col.dueOn'),
              dataIndex: 'dueOn',
              render: (v: string, r) => (
                <Typography.Text type={r.overdue ? 'danger' : undefined}>
                  {r.overdue ? `${v} ${t('networkTasks.overdue')}` : v}
                </Typography.Text>
              ),
            },
            { title: t('networkTasks.col.status'), dataIndex: 'status', render: (v: NetworkTaskStatus) => <TaskStatusTag status={v} /> },
          ]}
        />
        <div style={{ marginTop: 12 }}>
          <KeysetFooter
            testId="tasks-list"
            summary={t('networkTasks.summary', { total, loaded: rows.length })}
            hasMore={!!list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoadMore={() => list.fetchNextPage()}
          />
        </div>
      </Card>
      <AssignDialog open={assigning} onClose={() => setAssigning(false)} />
      <TaskDrawer id={open} onClose={() => setParam('task', null)} />
    </Page>
  );
}
