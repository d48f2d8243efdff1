import { lazy } from 'react';

// Loaded on first visit, like every route page.
export const StationsPage = lazy(() => import('./StationsPage'));
export const AssistantsPage = lazy(() => import('./AssistantsPage'));
export const AssistantProfilePage = lazy(() => import('./AssistantProfilePage'));
export const CompositionPage = lazy(() => import('./CompositionPage'));
export const RecruitmentPage = lazy(() => import('./RecruitmentPage'));
export const TrainingPage = lazy(() => import('./TrainingPage'));
