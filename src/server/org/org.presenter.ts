import type { CenterView, DepartmentView, StaffView, WindowView } from '../../shared/contracts/org';
import type { StaffRole } from '../../shared/contracts/roles';
import type { CenterRow, DepartmentRow, StaffRow, WindowRow } from './org.repository';

export const presentCenter = (c: CenterRow): CenterView => ({
  id: c.id,
  code: c.code,
  name: c.name,
  level: c.level,
  parentId: c.parent_id,
  regionCode: c.region_code,
  address: c.address,
  phone: c.phone,
});

export const presentDepartment = (d: DepartmentRow): DepartmentView => ({
  id: d.id,
  centerId: d.center_id,
  code: d.code,
  name: d.name,
  shortName: d.short_name,
  creditCode: d.credit_code,
  phone: d.phone,
  active: d.active,
});

export const presentWindow = (w: WindowRow): WindowView => ({
  id: w.id,
  centerId: w.center_id,
  number: w.number,
  name: w.name,
  kind: w.kind,
  departmentId: w.department_id,
  departmentName: w.department_name,
  hall: w.hall,
  phone: w.phone,
  active: w.active,
});

export const presentStaff = (s: StaffRow): StaffView => ({
  id: s.id,
  centerId: s.center_id,
  departmentId: s.department_id,
  departmentName: s.department_name,
  name: s.name,
  gender: s.gender,
  post: s.post,
  badgeNumber: s.badge_number,
  phone: s.phone,
  windowId: s.window_id,
  windowNumber: s.window_number,
  backupOfId: s.backup_of_id,
  backupOfName: s.backup_of_name,
  active: s.active,
  account: s.user_id
    ? {
        userId: s.user_id,
        username: s.username ?? '',
        roles: (s.roles ?? []) as StaffRole[],
        disabled: Boolean(s.disabled),
      }
    : null,
});
