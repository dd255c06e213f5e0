import { z } from 'zod';

/** Staff roles and the applicant role. A staff account may hold several (e.g. officer + chief_rep). */
export const staffRoles = [
  'admin', // 中心管理人员
  'supervisor', // 督查科 / 效能办
  'officer', // 窗口工作人员
  'chief_rep', // 首席代表
  'approver', // 部门审批人
  'village_acceptor', // 村便民服务室受理员
  'proxy_agent', // 代办员
  'leader', // 领导
] as const;
export const roles = [...staffRoles, 'applicant'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;
export const StaffRole = z.enum(staffRoles);
export type StaffRole = z.infer<typeof StaffRole>;

export const roleLabels: Record<Role, { zh: string; en: string }> = {
  admin: { zh: '中心管理员', en: 'Center administrator' },
  supervisor: { zh: '督查员', en: 'Supervisor' },
  officer: { zh: '窗口工作人员', en: 'Window officer' },
  chief_rep: { zh: '首席代表', en: 'Chief representative' },
  approver: { zh: '部门审批人', en: 'Department approver' },
  village_acceptor: { zh: '村级受理员', en: 'Village acceptor' },
  proxy_agent: { zh: '代办员', en: 'Proxy agent' },
  leader: { zh: '领导', en: 'Leader' },
  applicant: { zh: '办事群众/企业', en: 'Applicant' },
};
