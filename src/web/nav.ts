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
  evaluation: { zh: '好差评', en: 'Evaluation' },
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
  // Service catalog (事项清单) and its public guides (办事指南).
  {
    path: '/catalog/items',
    group: 'catalog',
    label: { zh: '事项清单', en: 'Service catalog' },
    roles: staffAll,
    load: () => import('./catalog/CatalogPage'),
  },
  {
    path: '/catalog/items/:id',
    group: 'catalog',
    label: { zh: '事项详情', en: 'Item' },
    roles: staffAll,
    hidden: true,
    load: () => import('./catalog/ItemDetailPage'),
  },
  {
    path: '/catalog/new',
    group: 'catalog',
    label: { zh: '新建事项', en: 'New item' },
    roles: ['admin'],
    hidden: true,
    load: () => import('./catalog/ItemEditorPage'),
  },
  {
    path: '/catalog/versions/:id/edit',
    group: 'catalog',
    label: { zh: '修改事项', en: 'Edit item' },
    roles: ['admin'],
    hidden: true,
    load: () => import('./catalog/ItemEditorPage'),
  },
  {
    path: '/catalog/reviews',
    group: 'catalog',
    label: { zh: '事项审核', en: 'Catalog reviews' },
    roles: ['admin', 'approver', 'chief_rep'],
    load: () => import('./catalog/ReviewsPage'),
  },
  {
    path: '/catalog/campaigns',
    group: 'catalog',
    label: { zh: '事项清理', en: 'Clean-up campaigns' },
    roles: ['admin', 'supervisor', 'leader'],
    load: () => import('./catalog/CampaignsPage'),
  },
  {
    path: '/catalog/compression',
    group: 'catalog',
    label: { zh: '时限压缩统计', en: 'Time-limit compression' },
    roles: ['admin', 'supervisor', 'leader'],
    load: () => import('./catalog/CompressionPage'),
  },
  {
    path: '/catalog/skills',
    group: 'catalog',
    label: { zh: '全岗通配置', en: 'Skills matrix' },
    roles: ['admin'],
    load: () => import('./catalog/SkillsPage'),
  },
  {
    path: '/guides',
    group: 'public',
    label: { zh: '办事指南', en: 'Service guides' },
    roles: 'public',
    load: () => import('./portal/guides/GuideListPage'),
  },
  {
    path: '/guides/:itemId',
    group: 'public',
    label: { zh: '办事指南详情', en: 'Guide' },
    roles: 'public',
    hidden: true,
    load: () => import('./portal/guides/GuidePage'),
  },
  {
    path: '/board',
    group: 'public',
    label: { zh: '办事公示牌', en: 'Notice board' },
    roles: 'public',
    load: () => import('./portal/guides/BoardPage'),
  },
  // Working-day calendar (工作日历) and the deadline calculator (办结期限计算).
  {
    path: '/admin/calendar',
    group: 'admin',
    label: { zh: '工作日历', en: 'Working-day calendar' },
    roles: ['admin'],
    load: () => import('./calendar/CalendarAdminPage'),
  },
  {
    path: '/calendar/deadline',
    group: 'work',
    label: { zh: '办结期限计算', en: 'Deadline calculator' },
    roles: staffAll,
    load: () => import('./calendar/DeadlineCalculatorPage'),
  },
  {
    path: '/deadline-calculator',
    group: 'public',
    label: { zh: '办结期限查询', en: 'When will it be done?' },
    roles: 'public',
    load: () => import('./portal/DeadlineCalculatorPage'),
  },
  // Case handling (办件): the window's receipt, the queues, the approver's inbox, the public lookup.
  {
    path: '/cases/receive',
    group: 'work',
    label: { zh: '收件受理', en: 'Receive an application' },
    roles: ['officer', 'chief_rep', 'village_acceptor', 'proxy_agent'],
    load: () => import('./cases/ReceivePage'),
  },
  {
    path: '/cases',
    group: 'work',
    label: { zh: '办件查询', en: 'Cases' },
    roles: staffAll,
    load: () => import('./cases/CaseListPage'),
  },
  {
    path: '/cases/inbox',
    group: 'work',
    label: { zh: '待办审批', en: 'Approval inbox' },
    roles: ['approver', 'chief_rep'],
    load: () => import('./cases/InboxPage'),
  },
  {
    path: '/cases/transfers',
    group: 'work',
    label: { zh: '转办明细表', en: 'Transfer list' },
    roles: ['officer', 'chief_rep', 'village_acceptor'],
    load: () => import('./cases/TransfersPage'),
  },
  {
    path: '/cases/:id',
    group: 'work',
    label: { zh: '办件详情', en: 'Case' },
    roles: staffAll,
    hidden: true,
    load: () => import('./cases/CaseDetailPage'),
  },
  {
    path: '/progress',
    group: 'public',
    label: { zh: '办件进度查询', en: 'Track an application' },
    roles: 'public',
    load: () => import('./portal/ProgressPage'),
  },
  // E-supervision (电子监察): the desk, rules, supervision orders and a case's supervision history.
  {
    path: '/supervision',
    group: 'supervision',
    label: { zh: '监察台', en: 'Supervision desk' },
    roles: ['supervisor', 'leader', 'admin'],
    load: () => import('./supervision/DeskPage'),
  },
  {
    path: '/supervision/orders',
    group: 'supervision',
    label: { zh: '督办单', en: 'Supervision orders' },
    roles: ['supervisor', 'leader', 'chief_rep', 'approver'],
    load: () => import('./supervision/OrdersPage'),
  },
  {
    path: '/supervision/rules',
    group: 'supervision',
    label: { zh: '监察规则', en: 'Supervision rules' },
    roles: ['supervisor', 'leader', 'admin'],
    load: () => import('./supervision/RulesPage'),
  },
  {
    path: '/supervision/orders/:id',
    group: 'supervision',
    label: { zh: '督办单详情', en: 'Supervision order' },
    roles: ['supervisor', 'leader', 'chief_rep', 'approver', 'admin'],
    hidden: true,
    load: () => import('./supervision/OrderDetailPage'),
  },
  {
    path: '/supervision/cases/:id',
    group: 'supervision',
    label: { zh: '办件监察记录', en: 'Case supervision history' },
    roles: ['supervisor', 'leader', 'admin'],
    hidden: true,
    load: () => import('./supervision/CaseHistoryPage'),
  },
  // The hall queue (排队叫号): staff screens, then the public screens of the hall (no login).
  {
    path: '/hall/officer',
    group: 'hall',
    label: { zh: '窗口叫号', en: 'Window calling' },
    roles: ['officer', 'chief_rep'],
    load: () => import('./hall/OfficerPanelPage'),
  },
  {
    path: '/hall/guide',
    group: 'hall',
    label: { zh: '引导台', en: 'Guide desk' },
    roles: ['officer', 'admin'],
    load: () => import('./hall/GuideDeskPage'),
  },
  {
    path: '/hall/stats',
    group: 'hall',
    label: { zh: '大厅统计', en: 'Hall statistics' },
    roles: ['admin', 'supervisor', 'leader'],
    load: () => import('./hall/HallStatsPage'),
  },
  {
    path: '/hall/settings',
    group: 'hall',
    label: { zh: '排队叫号设置', en: 'Queue settings' },
    roles: ['admin'],
    load: () => import('./hall/HallSettingsPage'),
  },
  {
    path: '/hall/kiosk/:hallId',
    group: 'public',
    label: { zh: '取号机', en: 'Kiosk' },
    roles: 'public',
    hidden: true,
    load: () => import('./hall/KioskPage'),
  },
  {
    path: '/hall/display/:hallId',
    group: 'public',
    label: { zh: '大厅大屏', en: 'Hall display' },
    roles: 'public',
    hidden: true,
    load: () => import('./hall/HallDisplayPage'),
  },
  {
    path: '/hall/window/:windowId',
    group: 'public',
    label: { zh: '窗口屏', en: 'Window display' },
    roles: 'public',
    hidden: true,
    load: () => import('./hall/WindowDisplayPage'),
  },
  {
    path: '/hall/t/:ticketId',
    group: 'public',
    label: { zh: '我的排队', en: 'My ticket' },
    roles: 'public',
    hidden: true,
    load: () => import('./hall/PhoneTicketPage'),
  },
  // Evaluation (好差评), the 差评 loop, complaints and 12345 orders.
  {
    path: '/evaluation/satisfaction',
    group: 'evaluation',
    label: { zh: '满意度统计', en: 'Satisfaction' },
    roles: ['admin', 'supervisor', 'leader', 'chief_rep', 'approver'],
    load: () => import('./evaluation/SatisfactionPage'),
  },
  {
    path: '/evaluation/rectifications',
    group: 'evaluation',
    label: { zh: '差评整改', en: 'Bad-review rectification' },
    roles: ['admin', 'supervisor', 'leader', 'chief_rep', 'approver', 'officer'],
    load: () => import('./evaluation/RectificationsPage'),
  },
  {
    path: '/evaluation/return-visits',
    group: 'evaluation',
    label: { zh: '满意度回访', en: 'Return visits' },
    roles: ['admin', 'supervisor', 'leader', 'chief_rep', 'approver'],
    load: () => import('./evaluation/ReturnVisitsPage'),
  },
  {
    path: '/evaluation/complaints',
    group: 'evaluation',
    label: { zh: '投诉举报', en: 'Complaints' },
    roles: ['admin', 'supervisor', 'leader', 'chief_rep', 'approver', 'officer'],
    load: () => import('./evaluation/ComplaintsPage'),
  },
  {
    path: '/evaluation/hotline',
    group: 'evaluation',
    label: { zh: '12345工单', en: '12345 orders' },
    roles: ['admin', 'supervisor', 'leader', 'chief_rep', 'approver', 'officer'],
    load: () => import('./evaluation/HotlinePage'),
  },
  {
    path: '/evaluation/devices',
    group: 'evaluation',
    label: { zh: '窗口评价器', en: 'Window evaluators' },
    roles: ['admin'],
    load: () => import('./evaluation/DevicesPage'),
  },
  {
    path: '/evaluator/:key',
    group: 'public',
    label: { zh: '窗口评价器', en: 'Window evaluator' },
    roles: 'public',
    hidden: true,
    load: () => import('./evaluation/EvaluatorPage'),
  },
  {
    path: '/evaluate/:token',
    group: 'public',
    label: { zh: '服务评价', en: 'Rate a service' },
    roles: 'public',
    hidden: true,
    load: () => import('./evaluation/EvaluatePage'),
  },
  {
    path: '/complaints/new',
    group: 'public',
    label: { zh: '投诉建议', en: 'Complaints & suggestions' },
    roles: 'public',
    load: () => import('./evaluation/ComplaintFormPage'),
  },
  {
    path: '/complaints/track/:token',
    group: 'public',
    label: { zh: '投诉办理进度', en: 'Complaint progress' },
    roles: 'public',
    hidden: true,
    load: () => import('./evaluation/ComplaintTrackPage'),
  },
  {
    path: '/satisfaction',
    group: 'public',
    label: { zh: '好差评公开', en: 'Satisfaction figures' },
    roles: 'public',
    load: () => import('./evaluation/PublicSatisfactionPage'),
  },
];
