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

export function useInvalidateMine() {
  const queryClient = useQueryClient();
  return useCallback(() => queryClient.invalidateQueries({ queryKey: myTasksKey }), [queryClient]);
}

/** Large tap targets on the phone: at least 44 px high. */
export const TAP = { minHeight: 48, fontSize: 16 } as const;
