import { lazy } from 'react';

export const NetworkTasksPage = lazy(() => import('./TasksPage'));
