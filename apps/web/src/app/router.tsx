import type { Permission } from '@courtassist/contracts';
import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { AuditPage } from '../modules/audit/pages';
import { LoginPage } from '../modules/auth/pages';
import { CalendarPage } from '../modules/calendar/pages';
import { CaseDetailPage, CaseFilePage, CaseListPage } from '../modules/cases/pages';
import { ApprovalsPage, SupervisionPage, WarningBoardPage } from '../modules/deadlines/pages';
import { AnnouncementsPage, HearingsPage } from '../modules/hearings/pages';
import { InspectionPage } from '../modules/inspection/pages';
import { AssessmentPage, NetworkDashboardPage, SubsidiesPage } from '../modules/network/assessment/pages';
import { AssistantHome } from '../modules/network/mobile/AssistantHome';
import {
  MobileAssessmentPage,
  MobileAssessmentsPage,
  MobileLayout,
  MobileSubsidiesPage,
  MobileSubsidyPage,
  MobileTaskPage,
  MobileTasksPage,
} from '../modules/network/mobile/pages';
import {
  AssistantProfilePage,
  AssistantsPage,
  CompositionPage,
  RecruitmentPage,
  StationsPage,
  TrainingPage,
} from '../modules/network/pages';
import { NetworkTasksPage } from '../modules/network/tasks/pages';
import { OutboxPage } from '../modules/notifications/pages';
import { CourtsPage, DepartmentsPage, RolesPage, TeamsPage, UsersPage } from '../modules/org/pages';
import { MyOrdersPage, OrderDetailPage, OrderTypesPage, PoolPage, StatisticsPage, TeamBoardPage } from '../modules/work-orders/pages';
import { WorkbenchPage } from '../modules/workbench/pages';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage } from './routes/NotFoundPage';
import { RequireAuth } from './routes/RequireAuth';
import { RequirePermission } from './routes/RequirePermission';
import { RouteError } from './routes/RouteError';
import { Suspended } from './routes/Suspended';

/** The guarded pages: path, the permission needed, and the (lazily loaded) page. */
export const GUARDED_PAGES: { path: string; permission: Permission | readonly Permission[]; Page: ComponentType }[] = [
  { path: 'admin/courts', permission: 'org.read', Page: CourtsPage },
  { path: 'admin/departments', permission: 'org.read', Page: DepartmentsPage },
  { path: 'admin/teams', permission: 'org.read', Page: TeamsPage },
  { path: 'admin/users', permission: 'user.read', Page: UsersPage },
  { path: 'admin/roles', permission: 'role.manage', Page: RolesPage },
  { path: 'admin/calendar', permission: 'calendar.manage', Page: CalendarPage },
  { path: 'admin/outbox', permission: 'notifications.manage', Page: OutboxPage },
  { path: 'cases', permission: 'case.read', Page: CaseListPage },
  { path: 'cases/new', permission: 'case.file', Page: CaseFilePage },
  { path: 'cases/:id', permission: 'case.read', Page: CaseDetailPage },
  { path: 'hearings', permission: 'case.read', Page: HearingsPage },
  { path: 'hearing-announcements', permission: 'case.read', Page: AnnouncementsPage },
  { path: 'warning-board', permission: 'case.read', Page: WarningBoardPage },
  { path: 'limit-approvals', permission: ['limit.approve', 'limit.approve.president'], Page: ApprovalsPage },
  { path: 'supervision', permission: 'case.read', Page: SupervisionPage },
  { path: 'inspection', permission: 'inspection.read', Page: InspectionPage },
  { path: 'work-orders', permission: 'order.read', Page: MyOrdersPage },
  { path: 'work-orders/pool', permission: ['order.handle', 'order.dispatch'], Page: PoolPage },
  { path: 'work-orders/board', permission: ['order.handle', 'order.dispatch'], Page: TeamBoardPage },
  { path: 'work-orders/statistics', permission: 'order.read', Page: StatisticsPage },
  { path: 'work-orders/types', permission: 'order.type.manage', Page: OrderTypesPage },
  { path: 'work-orders/:id', permission: 'order.read', Page: OrderDetailPage },
  { path: 'network/stations', permission: 'network.read', Page: StationsPage },
  { path: 'network/assistants', permission: 'network.read', Page: AssistantsPage },
  { path: 'network/assistants/:id', permission: 'network.read', Page: AssistantProfilePage },
  { path: 'network/composition', permission: 'network.read', Page: CompositionPage },
  { path: 'network/recruitment', permission: 'network.read', Page: RecruitmentPage },
  { path: 'network/training', permission: 'network.read', Page: TrainingPage },
  { path: 'network/tasks', permission: ['network.task.assign', 'network.manage', 'network.read'], Page: NetworkTasksPage },
  { path: 'network/assessment', permission: ['network.read', 'network.manage'], Page: AssessmentPage },
  { path: 'network/subsidies', permission: ['network.read', 'network.manage', 'network.subsidy.approve'], Page: SubsidiesPage },
  { path: 'network/dashboard', permission: ['network.read', 'network.manage'], Page: NetworkDashboardPage },
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
    // The assistants' phone pages: no side menu, designed for a 375-px screen.
    path: '/m',
    errorElement: <RouteError />,
    element: (
      <RequireAuth>
        <RequirePermission permission="network.task.report">
          <Suspended fullPage>
            <MobileLayout />
          </Suspended>
        </RequirePermission>
      </RequireAuth>
    ),
    children: [
      {
        path: 'tasks',
        element: (
          <Suspended>
            <MobileTasksPage />
          </Suspended>
        ),
      },
      {
        path: 'tasks/:id',
        element: (
          <Suspended>
            <MobileTaskPage />
          </Suspended>
        ),
      },
      {
        path: 'assessments',
        element: (
          <Suspended>
            <MobileAssessmentsPage />
          </Suspended>
        ),
      },
      {
        path: 'assessments/:id',
        element: (
          <Suspended>
            <MobileAssessmentPage />
          </Suspended>
        ),
      },
      {
        path: 'subsidies',
        element: (
          <Suspended>
            <MobileSubsidiesPage />
          </Suspended>
        ),
      },
      {
        path: 'subsidies/:id',
        element: (
          <Suspended>
            <MobileSubsidyPage />
          </Suspended>
        ),
      },
    ],
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
      {
        index: true,
        element: (
          <AssistantHome>
            <WorkbenchPage />
          </AssistantHome>
        ),
      },
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
