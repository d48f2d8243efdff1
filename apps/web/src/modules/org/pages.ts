import { lazy } from 'react';

// The module's route pages, each loaded on first visit. Kept apart from index.ts so that
// importing the module's components elsewhere does not pull its pages into the first download.
export const CourtsPage = lazy(() => import('./courts/CourtsPage'));
export const DepartmentsPage = lazy(() => import('./departments/DepartmentsPage'));
export const TeamsPage = lazy(() => import('./teams/TeamsPage'));
export const UsersPage = lazy(() => import('./users/UsersPage'));
export const RolesPage = lazy(() => import('./roles/RolesPage'));
