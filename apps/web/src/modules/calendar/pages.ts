import { lazy } from 'react';

// Loaded on first visit, like every route page.
export const CalendarPage = lazy(() => import('./CalendarPage'));
