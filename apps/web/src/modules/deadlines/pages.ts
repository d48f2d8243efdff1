import { lazy } from 'react';

// Loaded on first visit, like every route page.
export const WarningBoardPage = lazy(() => import('./supervision/WarningBoardPage'));
export const SupervisionPage = lazy(() => import('./supervision/SupervisionPage'));
export const ApprovalsPage = lazy(() => import('./limits/ApprovalsPage'));
