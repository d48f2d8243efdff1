import { EnvironmentOutlined, RightOutlined } from '@ant-design/icons';
import type { NetworkTaskView } from '@courtassist/contracts';
import { Button, Card, Empty, Flex, Segmented, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useMyTasks } from '../tasks/api';
import { TAP, TaskStatusTag, useTaskLabel } from './common';
import { useKeepTaskDetails } from './offline';
import { usePendingReports } from './outbox';

/** 我的任务 on the phone: two tabs (to do, done), one card per task, no table. */
export default function MobileTasksPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'done' ? 'done' : 'todo';
  const list = useMyTasks(view);
  const pending = usePendingReports();
  const label = useTaskLabel();
  const first = list.data?.pages[0];
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  useKeepTaskDetails(
    items.map((task) => task.id),
    view === 'todo' && !list.isPlaceholderData,
  );

  return (
    <Flex vertical gap={12} data-testid="mobile-tasks">
      <Segmented
        block
        size="large"
        value={view}
        onChange={(value) => setParams(value === 'done' ? { view: 'done' } : {}, { replace: true })}
        options={[
          { value: 'todo', label: <span data-testid="tab-todo">{`${t('networkTasks.mobile.todo')} ${first?.todo ?? ''}`}</span> },
          { value: 'done', label: <span data-testid="tab-done">{`${t('networkTasks.mobile.done')} ${first?.done ?? ''}`}</span> },
        ]}
        style={{ padding: 4 }}
      />
      {list.isPending && <Spin style={{ margin: 24 }} />}
      {!list.isPending && items.length === 0 && <Empty description={t('networkTasks.mobile.nothing')} />}
      {items.map((task: NetworkTaskView) => {
        const waiting = pending.some((r) => r.taskId === task.id);
        return (
          <Link key={task.id} to={`/m/tasks/${task.id}`} data-testid={`mobile-task-${task.id}`} style={{ color: 'inherit' }}>
            <Card size="small" styles={{ body: { padding: 14 } }}>
              <Flex justify="space-between" align="flex-start" gap={8}>
                <Flex vertical gap={4} style={{ minWidth: 0 }}>
                  <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                    {label(task)}
                  </Typography.Text>
                  <Typography.Text strong style={{ fontSize: 16 }} ellipsis>
                    {task.title}
                  </Typography.Text>
                  {task.target.partyName && (
                    <Typography.Text style={{ fontSize: 15 }}>
                      {task.target.partyName}
                      {task.target.address && (
                        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 13 }}>
                          <EnvironmentOutlined /> {task.target.address}
                        </Typography.Text>
                      )}
                    </Typography.Text>
                  )}
                  <Flex gap={6} wrap align="center">
                    {waiting ? <Tag color="orange">{t('networkTasks.mobile.pending')}</Tag> : <TaskStatusTag status={task.status} />}
                    <Typography.Text type={task.overdue ? 'danger' : 'secondary'} style={{ fontSize: 13 }}>
                      {task.overdue ? t('networkTasks.mobile.overdue') : t('networkTasks.mobile.due', { date: task.dueOn })}
                    </Typography.Text>
                  </Flex>
                </Flex>
                <RightOutlined style={{ color: '#999', marginTop: 24 }} />
              </Flex>
            </Card>
          </Link>
        );
      })}
      {list.hasNextPage && (
        <Button block style={TAP} loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()}>
          {t('common.loadMore')}
        </Button>
      )}
    </Flex>
  );
}
