import type { Permission } from '@courtassist/contracts';
import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { AuditPage } from '../modules/audit/pages';
import { LoginPage } from '../modules/auth/pages';
import { CalendarPage } from '../modules/calendar/pages';
import { CaseDetailPage, CaseFilePage, CaseListPage } from '../modules/cases/pages';
import { HearingsPage } from '../modules/hearings/pages';
import { CourtsPage, DepartmentsPage, RolesPage, TeamsPage, UsersPage } from '../modules/org/pages';
import { WorkbenchPage } from '../modules/workbench/pages';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './routes/NotFoundPage';
import { RequireAuth } from './routes/RequireAuth';
import { RequirePermission } from './routes/RequirePermission';
import { RouteError } from './routes/RouteError';
import { Suspended } from './routes/Suspended';

/** The guarded pages: path, the permission needed, and the (lazily loaded) page. */
export const GUARDED_PAGES: { path: string; permission: Permission; Page: ComponentType }[] = [
  { path: 'admin/courts', permission: 'org.read', Page: CourtsPage },
  { path: 'admin/departments', permission: 'org.read', Page: DepartmentsPage },
  { path: 'admin/teams', permission: 'org.read', Page: TeamsPage },
  { path: 'admin/users', permission: 'user.read', Page: UsersPage },
  { path: 'admin/roles', permission: 'role.manage', Page: RolesPage },
  { path: 'admin/calendar', permission: 'calendar.manage', Page: CalendarPage },
  { path: 'cases', permission: 'case.read', Page: CaseListPage },
  { path: 'cases/new', permission: 'case.file', Page: CaseFilePage },
  { path: 'cases/:id', permission: 'case.read', Page: CaseDetailPage },
  { path: 'hearings', permission: 'case.read', Page: HearingsPage },
  { path: 'audit', permission: 'audit.read', Page: AuditPage },
];

export const router = createBrowserRouter([
  {
    path: '/login',
    errorElement: <RouteError />,
    element: (
      <Suspended fullPage>
        <LoginPage />
      </Suspended>
    ),
  },
  {
    path: '/',
    errorElement: <RouteError />,
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      { index: true, element: <WorkbenchPage /> },
      ...GUARDED_PAGES.map(({ path, permission, Page }) => ({
        path,
        element: (
          <RequirePermission permission={permission}>
            <Page />
          </RequirePermission>
        ),
      })),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
