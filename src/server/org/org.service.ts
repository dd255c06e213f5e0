import type { z } from 'zod';
import { AppError } from '../../domain/errors';
import {
  childLevel,
  type AccountUpdate,
  type CenterCreate,
  type CenterUpdate,
  type DepartmentCreate,
  type DepartmentUpdate,
  type StaffCreate,
  type StaffUpdate,
  type WindowCreate,
  type WindowUpdate,
} from '../../shared/contracts/org';
import { auditChange } from '../audit/audit.repository';
import { hashPassword } from '../auth/passwords';
import type { Queryable } from '../db/db';
import { uniqueViolation } from '../db/db-errors';
import type { Actor } from '../http/actor';
import * as repo from './org.repository';

/**
 * Organisation use cases for administrators. Every referenced object is looked up inside the actor's
 * scope (404 otherwise) and every change writes an audit row in the same transaction.
 */
type Scoped = Actor & { centerPath: string };
interface Ctx {
  actor: Scoped;
  now: Date;
}

const audit = auditChange;

export async function requireCenter(q: Queryable, actor: Scoped, id: string): Promise<repo.CenterRow> {
  const c = await repo.findCenter(q, actor.centerPath, id);
  if (!c) throw new AppError('NOT_FOUND', { entity: 'center' });
  return c;
}

async function requireDepartmentIn(
  q: Queryable,
  actor: Scoped,
  id: string | null,
  centerId: string,
  field: string,
) {
  if (!id) return null;
  const d = await repo.findDepartment(q, actor.centerPath, id);
  if (!d) throw new AppError('NOT_FOUND', { entity: 'department' });
  if (d.center_id !== centerId) throw new AppError('VALIDATION_FAILED', {}, { [field]: 'rule.same_center' });
  return d;
}

export async function createCenter(q: Queryable, ctx: Ctx, input: z.infer<typeof CenterCreate>) {
  const parent = await requireCenter(q, ctx.actor, input.parentId);
  if (childLevel[parent.level] !== input.level)
    throw new AppError('VALIDATION_FAILED', {}, { level: 'rule.child_level' });
  await assertFree(q, 'SELECT 1 FROM centers WHERE code = $1', [input.code], 'code', input.code);
  const row = await repo.insertCenter(q, {
    code: input.code,
    name: input.name,
    level: input.level,
    parent_id: parent.id,
    parentPath: parent.path,
    region_code: input.regionCode,
    address: input.address,
    phone: input.phone,
    now: ctx.now,
  });
  await audit(q, ctx, row.id, 'create', 'center', row.id, null, row);
  return row;
}

export async function updateCenter(q: Queryable, ctx: Ctx, id: string, input: z.infer<typeof CenterUpdate>) {
  const before = await requireCenter(q, ctx.actor, id);
  const row = await repo.updateCenter(
    q,
    id,
    {
      name: input.name,
      region_code: input.regionCode,
      address: input.address,
      phone: input.phone,
    },
    ctx.now,
  );
  await audit(q, ctx, id, 'update', 'center', id, before, row);
  return row;
}

export async function createDepartment(q: Queryable, ctx: Ctx, input: z.infer<typeof DepartmentCreate>) {
  await requireCenter(q, ctx.actor, input.centerId);
  await assertFree(
    q,
    'SELECT 1 FROM departments WHERE center_id = $1 AND code = $2',
    [input.centerId, input.code],
    'code',
    input.code,
  );
  const row = await repo.insertDepartment(
    q,
    {
      center_id: input.centerId,
      code: input.code,
      name: input.name,
      short_name: input.shortName,
      credit_code: input.creditCode,
      phone: input.phone,
    },
    ctx.now,
  );
  await audit(q, ctx, input.centerId, 'create', 'department', row.id, null, row);
  return row;
}

export async function updateDepartment(
  q: Queryable,
  ctx: Ctx,
  id: string,
  input: z.infer<typeof DepartmentUpdate>,
) {
  const before = await repo.findDepartment(q, ctx.actor.centerPath, id);
  if (!before) throw new AppError('NOT_FOUND', { entity: 'department' });
  const row = await repo.updateDepartment(
    q,
    id,
    {
      name: input.name,
      short_name: input.shortName,
      credit_code: input.creditCode,
      phone: input.phone,
      active: input.active,
    },
    ctx.now,
  );
  await audit(q, ctx, before.center_id, 'update', 'department', id, before, row);
  return row;
}

export async function createWindow(q: Queryable, ctx: Ctx, input: z.infer<typeof WindowCreate>) {
  await requireCenter(q, ctx.actor, input.centerId);
  await requireDepartmentIn(q, ctx.actor, input.departmentId, input.centerId, 'departmentId');
  await assertFree(
    q,
    'SELECT 1 FROM windows WHERE center_id = $1 AND number = $2',
    [input.centerId, input.number],
    'number',
    input.number,
  );
  const id = await repo.insertWindow(
    q,
    {
      center_id: input.centerId,
      number: input.number,
      name: input.name,
      kind: input.kind,
      department_id: input.departmentId,
      hall: input.hall,
      phone: input.phone,
    },
    ctx.now,
  );
  const row = (await repo.findWindow(q, ctx.actor.centerPath, id))!;
  await audit(q, ctx, input.centerId, 'create', 'window', id, null, row);
  return row;
}

export async function updateWindow(q: Queryable, ctx: Ctx, id: string, input: z.infer<typeof WindowUpdate>) {
  const before = await repo.findWindow(q, ctx.actor.centerPath, id);
  if (!before) throw new AppError('NOT_FOUND', { entity: 'window' });
  const next: repo.WindowRow = {
    ...before,
    number: input.number ?? before.number,
    name: input.name ?? before.name,
    kind: input.kind ?? before.kind,
    department_id: input.departmentId !== undefined ? input.departmentId : before.department_id,
    hall: input.hall ?? before.hall,
    phone: input.phone ?? before.phone,
    active: input.active ?? before.active,
  };
  if ((next.kind === 'department') !== Boolean(next.department_id)) {
    throw new AppError('VALIDATION_FAILED', {}, { departmentId: 'rule.window_department' });
  }
  await requireDepartmentIn(q, ctx.actor, next.department_id, before.center_id, 'departmentId');
  if (next.number !== before.number) {
    await assertFree(
      q,
      'SELECT 1 FROM windows WHERE center_id = $1 AND number = $2',
      [before.center_id, next.number],
      'number',
      next.number,
    );
  }
  await repo.updateWindow(q, id, next, ctx.now);
  const row = (await repo.findWindow(q, ctx.actor.centerPath, id))!;
  await audit(q, ctx, before.center_id, 'update', 'window', id, before, row);
  return row;
}

async function checkStaffRefs(
  q: Queryable,
  actor: Scoped,
  centerId: string,
  s: { departmentId: string | null; windowId: string | null; backupOfId: string | null },
) {
  await requireDepartmentIn(q, actor, s.departmentId, centerId, 'departmentId');
  if (s.windowId) {
    const w = await repo.findWindow(q, actor.centerPath, s.windowId);
    if (!w) throw new AppError('NOT_FOUND', { entity: 'window' });
    if (w.center_id !== centerId)
      throw new AppError('VALIDATION_FAILED', {}, { windowId: 'rule.same_center' });
  }
  if (s.backupOfId) {
    const b = await repo.findStaff(q, actor.centerPath, s.backupOfId);
    if (!b) throw new AppError('NOT_FOUND', { entity: 'staff' });
    if (b.center_id !== centerId)
      throw new AppError('VALIDATION_FAILED', {}, { backupOfId: 'rule.same_center' });
  }
}

export async function createStaff(q: Queryable, ctx: Ctx, input: z.infer<typeof StaffCreate>) {
  await requireCenter(q, ctx.actor, input.centerId);
  await checkStaffRefs(q, ctx.actor, input.centerId, input);
  await assertFree(
    q,
    'SELECT 1 FROM staff WHERE center_id = $1 AND badge_number = $2',
    [input.centerId, input.badgeNumber],
    'badgeNumber',
    input.badgeNumber,
  );
  const id = await repo.insertStaff(
    q,
    {
      center_id: input.centerId,
      department_id: input.departmentId,
      name: input.name,
      gender: input.gender,
      post: input.post,
      badge_number: input.badgeNumber,
      phone: input.phone,
      window_id: input.windowId,
      backup_of_id: input.backupOfId,
    },
    ctx.now,
  );
  if (input.account) {
    // The unique index decides (race-free); the staff row written above rolls back with it.
    const account = input.account;
    await repo
      .insertUser(q, {
        username: input.account.username,
        passwordHash: await hashPassword(input.account.password),
        displayName: input.name,
        roles: input.account.roles,
        centerId: input.centerId,
        staffId: id,
        applicantId: null,
        now: ctx.now,
      })
      .catch((e: unknown) => {
        if (uniqueViolation(e))
          throw new AppError(
            'DUPLICATE',
            { field: 'account.username', value: account.username },
            { 'account.username': 'rule.unique' },
          );
        throw e;
      });
  }
  const row = (await repo.findStaff(q, ctx.actor.centerPath, id))!;
  await audit(q, ctx, input.centerId, 'create', 'staff', id, null, row);
  return row;
}

export async function updateStaff(q: Queryable, ctx: Ctx, id: string, input: z.infer<typeof StaffUpdate>) {
  const before = await repo.findStaff(q, ctx.actor.centerPath, id);
  if (!before) throw new AppError('NOT_FOUND', { entity: 'staff' });
  const pick = <T>(v: T | undefined, old: T): T => (v === undefined ? old : v);
  const next = {
    center_id: before.center_id,
    department_id: pick(input.departmentId, before.department_id),
    name: pick(input.name, before.name),
    gender: pick(input.gender, before.gender),
    post: pick(input.post, before.post),
    badge_number: pick(input.badgeNumber, before.badge_number),
    phone: pick(input.phone, before.phone),
    window_id: pick(input.windowId, before.window_id),
    backup_of_id: pick(input.backupOfId, before.backup_of_id),
    active: pick(input.active, before.active),
  };
  if (next.backup_of_id === id)
    throw new AppError('VALIDATION_FAILED', {}, { backupOfId: 'rule.backup_self' });
  await checkStaffRefs(q, ctx.actor, before.center_id, {
    departmentId: next.department_id,
    windowId: next.window_id,
    backupOfId: next.backup_of_id,
  });
  if (next.badge_number !== before.badge_number) {
    await assertFree(
      q,
      'SELECT 1 FROM staff WHERE center_id = $1 AND badge_number = $2',
      [before.center_id, next.badge_number],
      'badgeNumber',
      next.badge_number,
    );
  }
  await repo.updateStaff(q, id, next, ctx.now);
  const row = (await repo.findStaff(q, ctx.actor.centerPath, id))!;
  await audit(q, ctx, before.center_id, 'update', 'staff', id, before, row);
  return row;
}

export async function updateAccount(
  q: Queryable,
  ctx: Ctx,
  staffId: string,
  input: z.infer<typeof AccountUpdate>,
) {
  const before = await repo.findStaff(q, ctx.actor.centerPath, staffId);
  if (!before?.user_id) throw new AppError('NOT_FOUND', { entity: 'account' });
  if (
    before.user_id === ctx.actor.userId &&
    (input.disabled || (input.roles && !input.roles.includes('admin')))
  ) {
    // An administrator cannot lock themselves out.
    throw new AppError('VALIDATION_FAILED', {}, { roles: 'rule.not_self' });
  }
  await repo.updateUser(
    q,
    before.user_id,
    {
      roles: input.roles,
      disabled: input.disabled,
      passwordHash: input.password ? await hashPassword(input.password) : undefined,
    },
    ctx.now,
  );
  const row = (await repo.findStaff(q, ctx.actor.centerPath, staffId))!;
  // The password hash never enters the audit trail; only that it was reset.
  await audit(
    q,
    ctx,
    before.center_id,
    input.password ? 'update+password_reset' : 'update',
    'account',
    before.user_id,
    { roles: before.roles, disabled: before.disabled },
    { roles: row.roles, disabled: row.disabled },
  );
  return row;
}

async function assertFree(q: Queryable, sql: string, params: unknown[], field: string, value: string) {
  if ((await q.query(sql, params)).length > 0)
    throw new AppError('DUPLICATE', { field, value }, { [field]: 'rule.unique' });
}
