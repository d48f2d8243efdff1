import {
  AlertOutlined,
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  BookOutlined,
  CalendarOutlined,
  ClusterOutlined,
  ControlOutlined,
  DashboardOutlined,
  FileAddOutlined,
  FileProtectOutlined,
  FileSearchOutlined,
  FlagOutlined,
  FolderOpenOutlined,
  FundProjectionScreenOutlined,
  InboxOutlined,
  LineChartOutlined,
  MailOutlined,
  MoneyCollectOutlined,
  NotificationOutlined,
  PieChartOutlined,
  ProfileOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  SolutionOutlined,
  SoundOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserAddOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCan } from '../../modules/auth';

type Item = NonNullable<MenuProps['items']>[number];

export const ORG_GROUP_KEY = 'org';
export const CASES_GROUP_KEY = 'cases';
export const LIMITS_GROUP_KEY = 'limits';
export const CENTRE_GROUP_KEY = 'centre';
export const NETWORK_GROUP_KEY = 'network';

/** The side menu, built from the user's permissions: only what they may open is listed. */
export function useMenuItems(): Item[] {
  const { t } = useTranslation();
  const can = useCan();
  const link = (to: string, label: string) => <Link to={to}>{label}</Link>;

  const org: Item[] = [];
  if (can('org.read')) {
    org.push(
      { key: '/admin/courts', icon: <BankOutlined />, label: link('/admin/courts', t('nav.courts')) },
      { key: '/admin/departments', icon: <ApartmentOutlined />, label: link('/admin/departments', t('nav.departments')) },
      { key: '/admin/teams', icon: <TeamOutlined />, label: link('/admin/teams', t('nav.teams')) },
    );
  }
  if (can('user.read')) org.push({ key: '/admin/users', icon: <UserOutlined />, label: link('/admin/users', t('nav.users')) });
  if (can('role.manage'))
    org.push({ key: '/admin/roles', icon: <SafetyCertificateOutlined />, label: link('/admin/roles', t('nav.roles')) });
  if (can('calendar.manage'))
    org.push({ key: '/admin/calendar', icon: <CalendarOutlined />, label: link('/admin/calendar', t('nav.calendar')) });
  if (can('notifications.manage'))
    org.push({ key: '/admin/outbox', icon: <MailOutlined />, label: link('/admin/outbox', t('outbox.nav')) });

  const cases: Item[] = [];
  if (can('case.read')) cases.push({ key: '/cases', icon: <FileSearchOutlined />, label: link('/cases', t('nav.caseSearch')) });
  if (can('case.file')) cases.push({ key: '/cases/new', icon: <FileAddOutlined />, label: link('/cases/new', t('nav.caseFile')) });
  if (can('case.read')) {
    cases.push(
      { key: '/hearings', icon: <ScheduleOutlined />, label: link('/hearings', t('nav.hearings')) },
      {
        key: '/hearing-announcements',
        icon: <SoundOutlined />,
        label: link('/hearing-announcements', t('nav.announcements')),
      },
    );
  }

  const limits: Item[] = [];
  if (can('case.read')) {
    limits.push(
      { key: '/warning-board', icon: <AlertOutlined />, label: link('/warning-board', t('nav.warningBoard')) },
      { key: '/supervision', icon: <FlagOutlined />, label: link('/supervision', t('nav.supervision')) },
    );
  }
  if (can('limit.approve') || can('limit.approve.president'))
    limits.push({ key: '/limit-approvals', icon: <NotificationOutlined />, label: link('/limit-approvals', t('nav.limitApprovals')) });
  if (can('inspection.read'))
    limits.push({ key: '/inspection', icon: <FileProtectOutlined />, label: link('/inspection', t('inspection.nav')) });

  const centre: Item[] = [];
  const handles = can('order.handle') || can('order.dispatch');
  if (can('order.read')) centre.push({ key: '/work-orders', icon: <ProfileOutlined />, label: link('/work-orders', t('nav.myOrders')) });
  if (handles) {
    centre.push(
      { key: '/work-orders/pool', icon: <InboxOutlined />, label: link('/work-orders/pool', t('nav.orderPool')) },
      { key: '/work-orders/board', icon: <FundProjectionScreenOutlined />, label: link('/work-orders/board', t('nav.teamBoard')) },
    );
  }
  if (can('order.read'))
    centre.push({
      key: '/work-orders/statistics',
      icon: <BarChartOutlined />,
      label: link('/work-orders/statistics', t('nav.orderStats')),
    });
  if (can('order.type.manage'))
    centre.push({ key: '/work-orders/types', icon: <ControlOutlined />, label: link('/work-orders/types', t('nav.orderTypes')) });

  const network: Item[] = [];
  if (can('network.read')) {
    network.push(
      { key: '/network/stations', icon: <ApartmentOutlined />, label: link('/network/stations', t('network.nav.stations')) },
      { key: '/network/assistants', icon: <TeamOutlined />, label: link('/network/assistants', t('network.nav.assistants')) },
      { key: '/network/composition', icon: <PieChartOutlined />, label: link('/network/composition', t('network.nav.composition')) },
      { key: '/network/recruitment', icon: <UserAddOutlined />, label: link('/network/recruitment', t('network.nav.recruitment')) },
      { key: '/network/training', icon: <BookOutlined />, label: link('/network/training', t('network.nav.training')) },
    );
  }
  if (can('network.task.assign') || can('network.manage') || can('network.read'))
    network.push({ key: '/network/tasks', icon: <ScheduleOutlined />, label: link('/network/tasks', t('networkTasks.nav')) });
  if (can('network.read') || can('network.manage')) {
    network.push(
      { key: '/network/assessment', icon: <TrophyOutlined />, label: link('/network/assessment', t('networkAssessment.nav.assessment')) },
      { key: '/network/dashboard', icon: <LineChartOutlined />, label: link('/network/dashboard', t('networkAssessment.nav.dashboard')) },
    );
  }
  if (can('network.read') || can('network.manage') || can('network.subsidy.approve'))
    network.push({
      key: '/network/subsidies',
      icon: <MoneyCollectOutlined />,
      label: link('/network/subsidies', t('networkAssessment.nav.subsidies')),
    });

  const items: Item[] = [{ key: '/', icon: <DashboardOutlined />, label: link('/', t('nav.workbench')) }];
  if (cases.length > 0) items.push({ key: CASES_GROUP_KEY, icon: <FolderOpenOutlined />, label: t('nav.cases'), children: cases });
  if (centre.length > 0) items.push({ key: CENTRE_GROUP_KEY, icon: <SolutionOutlined />, label: t('nav.centre'), children: centre });
  if (network.length > 0) items.push({ key: NETWORK_GROUP_KEY, icon: <ApiOutlined />, label: t('network.nav.group'), children: network });
  if (limits.length > 0) items.push({ key: LIMITS_GROUP_KEY, icon: <AlertOutlined />, label: t('nav.limits'), children: limits });
  if (org.length > 0) items.push({ key: ORG_GROUP_KEY, icon: <ClusterOutlined />, label: t('nav.org'), children: org });
  if (can('audit.read')) items.push({ key: '/audit', icon: <AuditOutlined />, label: link('/audit', t('nav.audit')) });
  return items;
}

/** The menu key of the current path: the longest item path it starts with. */
export function selectedMenuKey(pathname: string): string {
  const keys = [
    '/admin/courts',
    '/admin/departments',
    '/admin/teams',
    '/admin/users',
    '/admin/roles',
    '/admin/calendar',
    '/admin/outbox',
    '/audit',
  ];
  // Case pages first: /cases/new before /cases, which also selects a case's detail page.
  keys.unshift('/cases/new', '/cases');
  keys.push('/hearings', '/hearing-announcements', '/warning-board', '/supervision', '/limit-approvals', '/inspection');
  // The centre's pages before /work-orders, which also selects an order's detail page.
  keys.push('/network/stations', '/network/assistants', '/network/composition', '/network/recruitment', '/network/training');
  keys.push('/network/tasks');
  keys.push('/network/assessment', '/network/subsidies', '/network/dashboard');
  keys.push('/work-orders/pool', '/work-orders/board', '/work-orders/statistics', '/work-orders/types', '/work-orders');
  return keys.find((key) => pathname === key || pathname.startsWith(`${key}/`)) ?? (pathname === '/' ? '/' : '');
}
