import { NETWORK_TASK_KIND_NAMES, type NetworkTaskView } from '@courtassist/contracts';
import { Card, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { KeysetFooter } from '../../../shared/components/KeysetFooter';
import { useBilingual } from '../../../shared/lib/lang';
import { TaskStatusTag } from '../mobile/common';
import { useCourtTasks } from './api';

/** The assistant's tasks on their profile page: newest first, with totals; each opens on the tasks page. */
export function AssistantTasksCard({ assistantId }: { assistantId: number }) {
  const { t } = useTranslation();
  const text = useBilingual();
  const list = useCourtTasks({ assistantId }, 10);
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;
  return (
    <Card size="small" title={t('networkTasks.profile.title')} data-testid="assistant-tasks">
      <List<NetworkTaskView>
        size="small"
        loading={list.isPending}
        dataSource={rows}
        locale={{ emptyText: t('networkTasks.profile.empty') }}
        renderItem={(task) => (
          <List.Item extra={<TaskStatusTag status={task.status} />}>
            <List.Item.Meta
              title={<Link to={`/network/tasks?task=${task.id}`}>{task.title}</Link>}
              description={
                <Typography.Text type="secondary">
                  {text(NETWORK_TASK_KIND_NAMES[task.kind])} · {task.dueOn}
                  {task.target.caseNumber ? ` · ${task.target.caseNumber}` : ''}
                </Typography.Text>
              }
            />
          </List.Item>
        )}
      />
      <KeysetFooter
        summary={t('networkTasks.summary', { total, loaded: rows.length })}
        hasMore={!!list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoadMore={() => list.fetchNextPage()}
      />
    </Card>
  );
}
