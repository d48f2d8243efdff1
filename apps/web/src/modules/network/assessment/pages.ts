import { lazy } from 'react';

// Loaded on first visit, like every route page.
export const AssessmentPage = lazy(() => import('./AssessmentPage'));
export const SubsidiesPage = lazy(() => import('../subsidies/SubsidiesPage'));
export const NetworkDashboardPage = lazy(() => import('../dashboard/DashboardPage'));
