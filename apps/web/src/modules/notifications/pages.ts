import { lazy } from 'react';

// The module's route pages, each loaded on first visit.
export const OutboxPage = lazy(() => import('./OutboxPage'));
