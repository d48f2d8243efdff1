import { lazy } from 'react';

// The module's route pages, each loaded on first visit. Kept apart from index.ts so that
// importing the module's components elsewhere does not pull its pages into the first download.
export const CaseListPage = lazy(() => import('./list/CaseListPage'));
export const CaseFilePage = lazy(() => import('./file/CaseFilePage'));
export const CaseDetailPage = lazy(() => import('./detail/CaseDetailPage'));
