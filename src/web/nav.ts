import type { ComponentType } from 'react';
import type { Role } from '../shared/contracts/roles';
import { defineMessages, type Msg } from './i18n/i18n';

/**
 * Every screen of the web app, one entry each: where it lives, who sees it in the menu, and how to
 * load it (a separate chunk per screen). Features add their entries here.
 */
export interface NavItem {
  path: string;
  label: Msg;
  group: keyof typeof groups;
  /** Roles that see the entry; `public` screens need no login and render without the staff shell. */
  roles: readonly Role[] | 'public';
  load: () => Promise<{ default: ComponentType }>;
  /** Hidden from the menu (reached by links), e.g. a detail page. */
  hidden?: boolean;
}

export const groups = defineMessages({
  work: { zh: '工作台', en: 'Work' },
  supervision: { zh: '督查', en: 'Supervision' },
  hall: { zh: '大厅', en: 'Hall' },
  catalog: { zh: '事项', en: 'Catalog' },
  admin: { zh: '系统管理', en: 'Administration' },
  portal: { zh: '办事服务', en: 'Services' },
  public: { zh: '公开', en: 'Public' },
});

const staffAll: Role[] = [
  'admin',
  'supervisor',
  'officer',
  'chief_rep',
  'approver',
  'village_acceptor',
  'proxy_agent',
  'leader',
];

export const navItems: NavItem[] = [
  {
    path: '/workstation',
    group: 'work',
    label: { zh: '我的工作台', en: 'My workstation' },
    roles: staffAll,
    load: () => import('./staff/WorkstationPage'),
  },
  {
    path: '/admin/centers',
    group: 'admin',
    label: { zh: '服务中心', en: 'Centers' },
    roles: ['admin'],
    load: () => import('./admin/CentersPage'),
  },
  {
    path: '/admin/departments',
    group: 'admin',
    label: { zh: '进驻部门', en: 'Departments' },
    roles: ['admin'],
    load: () => import('./admin/DepartmentsPage'),
  },
  {
    path: '/admin/windows',
    group: 'admin',
    label: { zh: '窗口管理', en: 'Windows' },
    roles: ['admin'],
    load: () => import('./admin/WindowsPage'),
  },
  {
    path: '/admin/staff',
    group: 'admin',
    label: { zh: '人员与账号', en: 'Staff & accounts' },
    roles: ['admin'],
    load: () => import('./admin/StaffPage'),
  },
  {
    path: '/admin/audit',
    group: 'admin',
    label: { zh: '审计日志', en: 'Audit log' },
    roles: ['admin', 'supervisor'],
    load: () => import('./admin/AuditPage'),
  },
  {
    path: '/portal',
    group: 'portal',
    label: { zh: '我的办事', en: 'My services' },
    roles: ['applicant'],
    load: () => import('./portal/PortalHomePage'),
  },
];
