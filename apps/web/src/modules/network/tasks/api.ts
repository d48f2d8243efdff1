import type {
  ConfirmNetworkTaskRequest,
  CreateNetworkTaskRequest,
  MyNetworkTaskPage,
  NetworkTaskDetail,
  NetworkTaskKind,
  NetworkTaskQuery,
  NetworkTaskSuggestions,
  NetworkTaskView,
  SendBackNetworkTaskRequest,
  SubmitNetworkTaskReportRequest,
  SubmitNetworkTaskReportResponse,
} from '@courtassist/contracts';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../shared/api/client';
import type { KeysetPage } from '../../../shared/api/types';

/** Query keys: the court's lists and the assistant's own, invalidated after every change. */
export const tasksKey = ['network-tasks'] as const;
export const myTasksKey = ['my-network-tasks'] as const;

type CourtFilter = Omit<NetworkTaskQuery, 'cursor' | 'limit'>;

export function useCourtTasks(filter: Partial<CourtFilter>, limit = 20, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...tasksKey, 'list', filter, limit],
    queryFn: ({ pageParam, signal }) =>
      api.get<KeysetPage<NetworkTaskView>>('/network/tasks', { ...filter, cursor: pageParam, limit }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useCourtTask(id: number | null) {
  return useQuery({
    queryKey: [...tasksKey, 'one', id],
    queryFn: ({ signal }) => api.get<NetworkTaskDetail>(`/network/tasks/${id}`, undefined, { signal }),
    enabled: id !== null,
  });
}

export function useSuggestions(
  query: { kind: NetworkTaskKind; deliveryTaskId?: number; stationId?: number; courtId?: number; address?: string; limit?: number },
  enabled: boolean,
) {
  return useQuery({
    queryKey: [...tasksKey, 'suggestions', query],
    queryFn: ({ signal }) => api.get<NetworkTaskSuggestions>('/network/task-suggestions', query, { signal }),
    enabled,
  });
}

function useInvalidateAll() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: tasksKey }),
      queryClient.invalidateQueries({ queryKey: myTasksKey }),
      queryClient.invalidateQueries({ queryKey: ['delivery'] }),
    ]);
}

export function useAssignTask() {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (body: CreateNetworkTaskRequest) => api.post<NetworkTaskDetail>('/network/tasks', body),
    onSuccess: invalidate,
  });
}

export function useConfirmTask(id: number) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (body: ConfirmNetworkTaskRequest) => api.post<NetworkTaskDetail>(`/network/tasks/${id}/confirm`, body),
    onSuccess: invalidate,
  });
}

export function useSendBackTask(id: number) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (body: SendBackNetworkTaskRequest) => api.post<NetworkTaskDetail>(`/network/tasks/${id}/send-back`, body),
    onSuccess: invalidate,
  });
}

// ---- the assistant's own ----

export function useMyTasks(view: 'todo' | 'done') {
  return useInfiniteQuery({
    queryKey: [...myTasksKey, 'list', view],
    queryFn: ({ pageParam, signal }) => api.get<MyNetworkTaskPage>('/my/network-tasks', { view, cursor: pageParam, limit: 20 }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    // A phone on a poor connection keeps what it had.
    networkMode: 'offlineFirst',
    staleTime: 30_000,
  });
}

export function useMyTask(id: number) {
  return useQuery({
    queryKey: [...myTasksKey, 'one', id],
    queryFn: ({ signal }) => api.get<NetworkTaskDetail>(`/my/network-tasks/${id}`, undefined, { signal }),
    networkMode: 'offlineFirst',
    staleTime: 30_000,
  });
}

export function useAcceptTask(id: number) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (version: number) => api.post<NetworkTaskDetail>(`/my/network-tasks/${id}/accept`, { version }),
    onSuccess: invalidate,
  });
}

export function useDeclineTask(id: number) {
  const invalidate = useInvalidateAll();
  return useMutation({
    mutationFn: (body: { version: number; reason: string }) => api.post<NetworkTaskDetail>(`/my/network-tasks/${id}/decline`, body),
    onSuccess: invalidate,
  });
}

export function sendReport(taskId: number, body: SubmitNetworkTaskReportRequest) {
  return api.post<SubmitNetworkTaskReportResponse>(`/my/network-tasks/${taskId}/report`, body);
}
