import {
  type AddressConfirmationView,
  type CreateAddressConfirmationRequest,
  type CreateDeliveryCallRequest,
  type CreateDeliveryTasksRequest,
  CSRF_COOKIE,
  CSRF_HEADER,
  type DeliveryAttemptView,
  type DeliveryCallView,
  type DeliveryIndicatorQuery,
  type DeliveryIndicators,
  type DeliveryTaskDetail,
  type DeliveryTaskView,
  type EndDeliveryTaskRequest,
  ERRORS,
  type Problem,
  type RecordDeliveryAttemptRequest,
  type SendElectronicRequest,
  type UpdateAddressConfirmationRequest,
} from '@courtassist/contracts';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../shared/api/client';
import type { KeysetPage } from '../../shared/api/types';
// A settled task may complete the case's delivery node and feed its work order back: both reload.
import { casesKey } from '../cases';
import { workOrdersKey } from '../work-orders';

export const deliveryKey = ['delivery'] as const;

const TASK_PAGE = 100;

/** Every task of the case, all keyset pages fetched one after another (a case has few). */
export function useCaseTasks(caseId: number, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...deliveryKey, 'tasks', caseId],
    queryFn: ({ pageParam, signal }) =>
      api.get<KeysetPage<DeliveryTaskView>>('/delivery-tasks', { caseId, cursor: pageParam, limit: TASK_PAGE }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export function useTask(id: number | null) {
  return useQuery({
    queryKey: [...deliveryKey, 'task', id],
    queryFn: ({ signal }) => api.get<DeliveryTaskDetail>(`/delivery-tasks/${id}`, undefined, { signal }),
    enabled: id !== null,
    // While an electronic send awaits its result, look again every few seconds.
    refetchInterval: (q) => (q.state.data?.electronicSends.some((s) => s.status === 'awaiting') ? 3000 : false),
  });
}

export function useConfirmations(caseId: number, enabled = true) {
  return useQuery({
    queryKey: [...deliveryKey, 'confirmations', caseId],
    queryFn: ({ signal }) => api.get<{ items: AddressConfirmationView[] }>(`/cases/${caseId}/address-confirmations`, undefined, { signal }),
    enabled,
  });
}

export function useCalls(caseId: number, limit: number, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...deliveryKey, 'calls', caseId, limit],
    queryFn: ({ pageParam, signal }) =>
      api.get<KeysetPage<DeliveryCallView>>('/delivery-calls', { caseId, cursor: pageParam, limit }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useIndicators(query: DeliveryIndicatorQuery) {
  return useQuery({
    queryKey: [...deliveryKey, 'indicators', query],
    queryFn: ({ signal }) => api.get<DeliveryIndicators>('/delivery/indicators', { ...query }, { signal }),
    placeholderData: keepPreviousData,
  });
}

// ---- changes: any answer, even a refusal (stale version), reloads what is shown ----

function useDeliveryMutation<V, R>(mutationFn: (variables: V) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: deliveryKey });
      void queryClient.invalidateQueries({ queryKey: casesKey });
      void queryClient.invalidateQueries({ queryKey: workOrdersKey });
    },
  });
}

export function useCreateTasks(caseId: number) {
  return useDeliveryMutation((body: CreateDeliveryTasksRequest) =>
    api.post<{ items: DeliveryTaskView[] }>(`/cases/${caseId}/delivery-tasks`, body),
  );
}

export function useRecordAttempt(taskId: number) {
  return useDeliveryMutation((body: RecordDeliveryAttemptRequest) =>
    api.post<DeliveryTaskDetail>(`/delivery-tasks/${taskId}/attempts`, body),
  );
}

/** 电子送达 through the outbox: the attempt is recorded when the message is sent or fails. */
export function useSendElectronic(taskId: number) {
  return useDeliveryMutation((body: SendElectronicRequest) =>
    api.post<DeliveryTaskDetail>(`/delivery-tasks/${taskId}/send-electronic`, body),
  );
}

/** 终止送达 (ending a task as undeliverable). */
export function useEndTask(taskId: number) {
  return useDeliveryMutation((body: EndDeliveryTaskRequest) => api.post<DeliveryTaskDetail>(`/delivery-tasks/${taskId}/end`, body));
}

export function useUploadEvidence() {
  return useDeliveryMutation(({ attemptId, file }: { attemptId: number; file: File }) => uploadEvidence(attemptId, file));
}

export function useSaveConfirmation(caseId: number) {
  return useDeliveryMutation(
    ({ id, ...body }: (CreateAddressConfirmationRequest & { id?: undefined }) | (UpdateAddressConfirmationRequest & { id: number })) =>
      id === undefined
        ? api.post<AddressConfirmationView>(`/cases/${caseId}/address-confirmations`, body)
        : api.put<AddressConfirmationView>(`/address-confirmations/${id}`, body),
  );
}

export function useRemoveConfirmation() {
  return useDeliveryMutation(({ id, version }: { id: number; version: number }) =>
    api.delete<{ ok: true }>(`/address-confirmations/${id}?version=${version}`),
  );
}

export function useLogCall() {
  return useDeliveryMutation((body: CreateDeliveryCallRequest) => api.post<DeliveryCallView>('/delivery-calls', body));
}

// ---- files ----

export const proofUrl = (taskId: number) => `/api/delivery-tasks/${taskId}/proof.docx`;
export const announcementUrl = (taskId: number) => `/api/delivery-tasks/${taskId}/announcement.docx`;
export const evidenceUrl = (attemptId: number) => `/api/delivery-attempts/${attemptId}/evidence`;

function csrfToken(): string | null {
  const entry = document.cookie.split(';').find((part) => part.trim().startsWith(`${CSRF_COOKIE}=`));
  return entry ? decodeURIComponent(entry.trim().slice(CSRF_COOKIE.length + 1)) : null;
}

/**
 * Sends the evidence as the raw file with its own content type (the API checks the bytes, not the
 * name); the shared client only speaks JSON, so this one call uses fetch itself.
 */
async function uploadEvidence(attemptId: number, file: File): Promise<DeliveryAttemptView> {
  const headers: Record<string, string> = {
    accept: 'application/json, application/problem+json',
    'content-type': file.type || 'application/octet-stream',
  };
  const token = csrfToken();
  if (token) headers[CSRF_HEADER] = token;
  let response: Response;
  try {
    response = await fetch(evidenceUrl(attemptId), { method: 'POST', headers, body: file, credentials: 'same-origin' });
  } catch {
    throw new ApiError(localProblem('UNAVAILABLE', 0));
  }
  if (response.ok) return (await response.json()) as DeliveryAttemptView;
  const body = (await response.json().catch(() => null)) as Problem | null;
  if (body && typeof body.code === 'string' && body.message) throw new ApiError({ ...body, status: response.status });
  throw new ApiError(localProblem(response.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'INTERNAL', response.status));
}

function localProblem(code: 'UNAVAILABLE' | 'PAYLOAD_TOO_LARGE' | 'INTERNAL', status: number): Problem {
  const spec = ERRORS[code];
  return { type: 'about:blank', title: spec.en, status, code, message: { zh: spec.zh, en: spec.en } };
}
