import type {
  AssistantCategoryView,
  AssistantProfile,
  AssistantQuery,
  AssistantSummary,
  ChangeAssistantStatusRequest,
  CommendationView,
  CompositionView,
  ContractRecruitmentRequest,
  CreateAssistantAccountRequest,
  CreateAssistantRequest,
  CreateCommendationRequest,
  CreateRecruitmentRequest,
  CreateStationRequest,
  CreateTrainingSessionRequest,
  InterviewRecruitmentRequest,
  RecruitmentView,
  ReplacementRequest,
  StationView,
  TrainingSessionDetail,
  TrainingSessionView,
  UpdateAssistantRequest,
  UpdateStationRequest,
  UpdateTrainingSessionRequest,
} from '@courtassist/contracts';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../shared/api/client';
import type { KeysetPage, Paged } from '../../shared/api/types';

export const networkKey = ['network'] as const;

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: networkKey });
}

export function useCategories() {
  return useQuery({
    queryKey: [...networkKey, 'categories'],
    queryFn: ({ signal }) => api.get<{ items: AssistantCategoryView[] }>('/network/categories', undefined, { signal }),
    staleTime: 300_000,
  });
}

/** A court's stations (a court has tens, not thousands): one page of up to 500. */
export function useStations(courtId: number | undefined) {
  return useQuery({
    queryKey: [...networkKey, 'stations', courtId],
    queryFn: ({ signal }) => api.get<Paged<StationView>>('/network/stations', { courtId, pageSize: 500 }, { signal }),
    enabled: courtId !== undefined,
  });
}

export function useCreateStation() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateStationRequest) => api.post<StationView>('/network/stations', body),
    onSuccess: invalidate,
  });
}

export function useUpdateStation() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateStationRequest & { id: number }) => api.put<StationView>(`/network/stations/${id}`, body),
    onSettled: invalidate,
  });
}

export function useDeleteStation() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version }: { id: number; version: number }) =>
      api.delete<{ ok: true }>(`/network/stations/${id}?version=${version}`),
    onSettled: invalidate,
  });
}

export type AssistantFilter = Partial<Omit<AssistantQuery, 'cursor' | 'limit'>>;

export function useAssistants(filter: AssistantFilter, limit = 20, enabled = true) {
  return useInfiniteQuery({
    queryKey: [...networkKey, 'assistants', filter, limit],
    queryFn: ({ pageParam, signal }) =>
      api.get<KeysetPage<AssistantSummary>>('/network/assistants', { ...filter, cursor: pageParam, limit }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

export function useAssistant(id: number | undefined) {
  return useQuery({
    queryKey: [...networkKey, 'assistant', id],
    queryFn: ({ signal }) => api.get<AssistantProfile>(`/network/assistants/${id}`, undefined, { signal }),
    enabled: id !== undefined,
  });
}

export function useCreateAssistant() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateAssistantRequest) => api.post<AssistantProfile>('/network/assistants', body),
    onSuccess: invalidate,
  });
}

export function useUpdateAssistant() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateAssistantRequest & { id: number }) => api.put<AssistantProfile>(`/network/assistants/${id}`, body),
    onSettled: invalidate,
  });
}

export function useChangeStatus() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: ChangeAssistantStatusRequest & { id: number }) =>
      api.post<AssistantProfile>(`/network/assistants/${id}/status`, body),
    onSettled: invalidate,
  });
}

export function useCreateAccount() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: CreateAssistantAccountRequest & { id: number }) =>
      api.post<AssistantProfile>(`/network/assistants/${id}/account`, body),
    onSettled: invalidate,
  });
}

export function useAddCommendation() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: CreateCommendationRequest & { id: number }) =>
      api.post<CommendationView>(`/network/assistants/${id}/commendations`, body),
    onSuccess: invalidate,
  });
}

export function useComposition(courtId: number | undefined, stationId: number | undefined) {
  return useQuery({
    queryKey: [...networkKey, 'composition', courtId, stationId],
    queryFn: ({ signal }) => api.get<CompositionView>('/network/composition', { courtId, stationId }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useRecruitments(courtId: number | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...networkKey, 'recruitments', courtId, page, pageSize],
    queryFn: ({ signal }) => api.get<Paged<RecruitmentView>>('/network/recruitments', { courtId, page, pageSize }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useAnnounce() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: CreateRecruitmentRequest) => api.post<RecruitmentView>('/network/recruitments', body),
    onSuccess: invalidate,
  });
}

export type RecruitmentStep =
  | { step: 'interview'; body: InterviewRecruitmentRequest }
  | { step: 'contract'; body: ContractRecruitmentRequest }
  | { step: 'replacement'; body: ReplacementRequest }
  | { step: 'close'; body: { version: number } };

export function useRecruitmentStep() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ id, step }: { id: number; step: RecruitmentStep }) =>
      api.post<RecruitmentView>(`/network/recruitments/${id}/${step.step}`, step.body),
    onSettled: invalidate,
  });
}

export function useTrainingSessions(courtId: number | undefined, year: number | undefined, page: number, pageSize: number) {
  return useQuery({
    queryKey: [...networkKey, 'training', courtId, year, page, pageSize],
    queryFn: ({ signal }) =>
      api.get<Paged<TrainingSessionView>>('/network/training-sessions', { courtId, year, page, pageSize }, { signal }),
    placeholderData: keepPreviousData,
  });
}

export function useTrainingSession(id: number | undefined) {
  return useQuery({
    queryKey: [...networkKey, 'training-session', id],
    queryFn: ({ signal }) => api.get<TrainingSessionDetail>(`/network/training-sessions/${id}`, undefined, { signal }),
    enabled: id !== undefined,
  });
}

export function useSaveTrainingSession() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (input: { id: number; body: UpdateTrainingSessionRequest } | { id: null; body: CreateTrainingSessionRequest }) =>
      input.id === null
        ? api.post<TrainingSessionDetail>('/network/training-sessions', input.body)
        : api.put<TrainingSessionDetail>(`/network/training-sessions/${input.id}`, input.body),
    onSettled: invalidate,
  });
}
