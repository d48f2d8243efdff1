import { lazy } from 'react';

export { CourtLevelTag } from './components/CourtLevelTag';

export const CourtsPage = lazy(() => import('./courts/CourtsPage'));
export const DepartmentsPage = lazy(() => import('./departments/DepartmentsPage'));
export const TeamsPage = lazy(() => import('./teams/TeamsPage'));
export const UsersPage = lazy(() => import('./users/UsersPage'));
export const RolesPage = lazy(() => import('./roles/RolesPage'));
