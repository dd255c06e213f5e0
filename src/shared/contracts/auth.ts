import { z } from 'zod';
import { Role } from './roles';

export const LoginBody = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const Me = z.object({
  id: z.uuid(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(Role),
  centerId: z.uuid().nullable(),
  centerName: z.string().nullable(),
  departmentId: z.uuid().nullable(),
  staffId: z.uuid().nullable(),
  applicantId: z.uuid().nullable(),
  /** Send back in the `x-csrf-token` header of every changing request. */
  csrfToken: z.string(),
});
export type Me = z.infer<typeof Me>;

export const PasswordStrength = z
  .string()
  .min(8)
  .max(200)
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), 'rule.password_strength');

export const ChangePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: PasswordStrength,
});
