import {
  DELIVERY_DOCUMENT_NAMES,
  NETWORK_TASK_KIND_NAMES,
  NETWORK_TASK_STATUS_NAMES,
  type NetworkTaskStatus,
  type NetworkTaskView,
} from '@courtassist/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Tag } from 'antd';
import { useCallback } from 'react';
import { useBilingual } from '../../../shared/lib/lang';
import { myTasksKey } from '../tasks/api';
import { serverAnswered } from './offline';
import type { OnSent } from './outbox';

const STATUS_COLOURS: Record<NetworkTaskStatus, string> = {
  assigned: 'gold',
  accepted: 'processing',
  declined: 'default',
  reported: 'purple',
  confirmed: 'success',
};

export function TaskStatusTag({ status }: { status: NetworkTaskStatus }) {
  const text = useBilingual();
  return (
    <Tag color={STATUS_COLOURS[status]} style={{ marginInlineEnd: 0 }} data-testid="task-status">
      {text(NETWORK_TASK_STATUS_NAMES[status])}
    </Tag>
  );
}

/** Kind and document in a few words: 协助送达 · 传票. */
export function useTaskLabel() {
  const text = useBilingual();
  return (task: Pick<NetworkTaskView, 'kind' | 'target'>) =>
    [text(NETWORK_TASK_KIND_NAMES[task.kind]), task.target.documentKind ? text(DELIVERY_DOCUMENT_NAMES[task.target.documentKind]) : null]
      .filter(Boolean)
      .join(' · ');
}

/**
 * After a report reached the server: the task is shown as the server answered it (no second
 * request, which on a poor connection may fail and fall back to the phone's older copy), and
 * the lists are refetched.
 */
export function useReportSent(): OnSent {
  const queryClient = useQueryClient();
  return useCallback(
    (taskId, answer) => {
      const one = [...myTasksKey, 'one', taskId];
      // A refetch already under way (started when the connection returned) would answer the
      // state before the report: it is dropped.
      void queryClient.cancelQueries({ queryKey: one }).then(() => {
        queryClient.setQueryData(one, answer.task);
        serverAnswered();
      });
      void queryClient.invalidateQueries({ queryKey: [...myTasksKey, 'list'] });
    },
    [queryClient],
  );
}

/** Large tap targets on the phone: at least 44 px high. */
export const TAP = { minHeight: 48, fontSize: 16 } as const;
