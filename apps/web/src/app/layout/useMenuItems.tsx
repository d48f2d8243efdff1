import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  CalendarOutlined,
  ClusterOutlined,
  DashboardOutlined,
  FileAddOutlined,
  FileSearchOutlined,
  FolderOpenOutlined,
  SafetyCertificateOutlined,
  ScheduleOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCan } from '../../modules/auth';

type Item = NonNullable<MenuProps['items']>[number];

export const ORG_GROUP_KEY = 'org';
export const CASES_GROUP_KEY = 'cases';

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

  const cases: Item[] = [];
  if (can('case.read')) cases.push({ key: '/cases', icon: <FileSearchOutlined />, label: link('/cases', t('nav.caseSearch')) });
  if (can('case.file')) cases.push({ key: '/cases/new', icon: <FileAddOutlined />, label: link('/cases/new', t('nav.caseFile')) });
  if (can('case.read')) cases.push({ key: '/hearings', icon: <ScheduleOutlined />, label: link('/hearings', t('nav.hearings')) });

  const items: Item[] = [{ key: '/', icon: <DashboardOutlined />, label: link('/', t('nav.workbench')) }];
  if (cases.length > 0) items.push({ key: CASES_GROUP_KEY, icon: <FolderOpenOutlined />, label: t('nav.cases'), children: cases });
  if (org.length > 0) items.push({ key: ORG_GROUP_KEY, icon: <ClusterOutlined />, label: t('nav.org'), children: org });
  if (can('audit.read')) items.push({ key: '/audit', icon: <AuditOutlined />, label: link('/audit', t('nav.audit')) });
  return items;
}

/** The menu key of the current path: the longest item path it starts with. */
export function selectedMenuKey(pathname: string): string {
  const keys = ['/admin/courts', '/admin/departments', '/admin/teams', '/admin/users', '/admin/roles', '/admin/calendar', '/audit'];
  // Case pages first: /cases/new before /cases, which also selects a case's detail page.
  keys.unshift('/cases/new', '/cases');
  keys.push('/hearings');
  return keys.find((key) => pathname === key || pathname.startsWith(`${key}/`)) ?? (pathname === '/' ? '/' : '');
}
