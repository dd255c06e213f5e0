import { z } from 'zod';
import { Phone } from './common';
import { StaffRole } from './roles';
import { PasswordStrength } from './auth';

export const CenterLevel = z.enum(['county', 'township', 'village']);
export type CenterLevel = z.infer<typeof CenterLevel>;
/** The level a child of each level must have (county → township → village). */
export const childLevel: Record<CenterLevel, CenterLevel | null> = {
  county: 'township',
  township: 'village',
  village: null,
};

const code = z
  .string()
  .trim()
  .min(1)
  .max(50)
  .regex(/^[\w-]+$/, 'rule.code');
const name = z.string().trim().min(1).max(100);
const optionalPhone = z.union([Phone, z.literal('')]).default('');

export const CenterView = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  level: CenterLevel,
  parentId: z.uuid().nullable(),
  regionCode: z.string(),
  address: z.string(),
  phone: z.string(),
});
export type CenterView = z.infer<typeof CenterView>;
export const CenterCreate = z.object({
  code,
  name,
  level: CenterLevel,
  parentId: z.uuid(),
  regionCode: z
    .string()
    .trim()
    .regex(/^\d{6,12}$/, 'rule.region_code'),
  address: z.string().trim().max(200).default(''),
  phone: optionalPhone,
});
export const CenterUpdate = CenterCreate.pick({
  name: true,
  regionCode: true,
  address: true,
  phone: true,
}).partial();

export const DepartmentView = z.object({
  id: z.uuid(),
  centerId: z.uuid(),
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  creditCode: z.string(),
  phone: z.string(),
  active: z.boolean(),
});
export type DepartmentView = z.infer<typeof DepartmentView>;
export const DepartmentCreate = z.object({
  centerId: z.uuid(),
  code,
  name,
  shortName: z.string().trim().min(1).max(20),
  creditCode: z
    .union([
      z
        .string()
        .trim()
        .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, 'rule.credit_code'),
      z.literal(''),
    ])
    .default(''),
  phone: optionalPhone,
});
export const DepartmentUpdate = DepartmentCreate.omit({ centerId: true, code: true })
  .extend({ active: z.boolean() })
  .partial();

export const WindowKind = z.enum(['department', 'comprehensive']);
export const WindowView = z.object({
  id: z.uuid(),
  centerId: z.uuid(),
  number: z.string(),
  name: z.string(),
  kind: WindowKind,
  departmentId: z.uuid().nullable(),
  departmentName: z.string().nullable(),
  hall: z.string(),
  phone: z.string(),
  active: z.boolean(),
});
export type WindowView = z.infer<typeof WindowView>;
const windowFields = z.object({
  centerId: z.uuid(),
  number: z
    .string()
    .trim()
    .min(1)
    .max(10)
    .regex(/^[\w-]+$/, 'rule.code'),
  name,
  kind: WindowKind,
  departmentId: z.uuid().nullable().default(null),
  hall: z.string().trim().max(50).default(''),
  phone: optionalPhone,
});
const windowKindRule = (w: { kind?: string | undefined; departmentId?: string | null | undefined }) =>
  w.kind === undefined || (w.kind === 'department') === Boolean(w.departmentId);
export const WindowCreate = windowFields.refine(windowKindRule, {
  message: 'rule.window_department',
  path: ['departmentId'],
});
export const WindowUpdate = windowFields
  .omit({ centerId: true })
  .extend({ active: z.boolean() })
  .partial()
  .refine(windowKindRule, { message: 'rule.window_department', path: ['departmentId'] });

export const Gender = z.enum(['male', 'female', 'unknown']);
export const StaffView = z.object({
  id: z.uuid(),
  centerId: z.uuid(),
  departmentId: z.uuid().nullable(),
  departmentName: z.string().nullable(),
  name: z.string(),
  gender: Gender,
  post: z.string(),
  badgeNumber: z.string(),
  phone: z.string(),
  windowId: z.uuid().nullable(),
  windowNumber: z.string().nullable(),
  backupOfId: z.uuid().nullable(),
  backupOfName: z.string().nullable(),
  active: z.boolean(),
  account: z
    .object({ userId: z.uuid(), username: z.string(), roles: z.array(StaffRole), disabled: z.boolean() })
    .nullable(),
});
export type StaffView = z.infer<typeof StaffView>;
const staffFields = z.object({
  centerId: z.uuid(),
  departmentId: z.uuid().nullable().default(null),
  name: z.string().trim().min(1).max(50),
  gender: Gender.default('unknown'),
  post: z.string().trim().min(1).max(50),
  badgeNumber: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[\w-]+$/, 'rule.code'),
  phone: optionalPhone,
  windowId: z.uuid().nullable().default(null),
  backupOfId: z.uuid().nullable().default(null),
});
export const StaffAccountInput = z.object({
  username: z
    .string()
    .trim()
    .min(2)
    .max(64)
    .regex(/^[a-z0-9_.-]+$/, 'rule.username'),
  password: PasswordStrength,
  roles: z.array(StaffRole).min(1).max(8),
});
export const StaffCreate = staffFields.extend({ account: StaffAccountInput.optional() });
export const StaffUpdate = staffFields.omit({ centerId: true }).extend({ active: z.boolean() }).partial();
export const AccountUpdate = z.object({
  roles: z.array(StaffRole).min(1).max(8).optional(),
  disabled: z.boolean().optional(),
  password: PasswordStrength.optional(),
});

export const CenterScopedQuery = z.object({ centerId: z.uuid().optional() });
