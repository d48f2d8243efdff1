import type { OutboxMessageView, OutboxPage, OutboxQuery } from '@courtassist/contracts';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';

export const outboxKey = ['outbox'] as const;

export type OutboxFilter = Partial<Omit<OutboxQuery, 'page' | 'pageSize'>>;

/** The outbox, newest first, one page at a time, with the total and the dead-letter count. */
export function useOutbox(filter: OutboxFilter, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...outboxKey, filter, page, pageSize],
    queryFn: ({ signal }) => api.get<OutboxPage>('/outbox', { ...filter, page, pageSize }, { signal }),
    placeholderData: keepPreviousData,
  });
}

/** Sends a dead letter again; the list is refreshed (it is sent right after, so refresh once more shortly). */
export function useRetryMessage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => api.post<OutboxMessageView>(`/outbox/${id}/retry`),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: outboxKey });
      setTimeout(() => void client.invalidateQueries({ queryKey: outboxKey }), 1_500);
    },
  });
}

/** One message with its full text, for the drawer; refreshed with the list. */
export function useOutboxMessage(id: number | null) {
  return useQuery({
    queryKey: [...outboxKey, 'message', id],
    queryFn: ({ signal }) => api.get<OutboxMessageView>(`/outbox/${id}`, undefined, { signal }),
    enabled: id !== null,
  });
}
