import { lazy } from 'react';

// Loaded on first visit, like every route page.
export const HearingsPage = lazy(() => import('./HearingsPage'));
export { hearingsKey } from './api';
export const AnnouncementsPage = lazy(() => import('./announcements/AnnouncementsPage'));
