import { lazy } from 'react';

// Loaded on first visit, like every route page.
export const InspectionPage = lazy(() => import('./InspectionPage'));
