import { lazy } from 'react';

export const MobileLayout = lazy(() => import('./MobileLayout'));
export const MobileTasksPage = lazy(() => import('./MobileTasksPage'));
export const MobileTaskPage = lazy(() => import('./MobileTaskPage'));
export const MobileAssessmentsPage = lazy(() => import('./MobileAssessmentsPage'));
export const MobileAssessmentPage = lazy(() => import('./MobileAssessmentPage'));
export const MobileSubsidiesPage = lazy(() => import('./MobileSubsidiesPage'));
export const MobileSubsidyPage = lazy(() => import('./MobileSubsidyPage'));
