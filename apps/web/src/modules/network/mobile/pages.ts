import { lazy } from 'react';

export const MobileLayout = lazy(() => import('./MobileLayout'));
export const MobileTasksPage = lazy(() => import('./MobileTasksPage'));
export const MobileTaskPage = lazy(() => import('./MobileTaskPage'));
