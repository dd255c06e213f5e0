import type { z } from 'zod';
import { AppError } from '../../domain/errors';
import { defaultAppointmentPolicy, type AppointmentPolicy } from '../../domain/schedule';
import {
  AppointmentPolicyBody,
  type SettingsBody,
  type SettingsView,
} from '../../shared/contracts/appointments';
import { recordAudit } from '../audit/audit.repository';
import type { Queryable } from '../db/db';
import { findWindow } from '../org/org.repository';
import type { Ctx } from '../schedule/schedule.service';
import * as repo from './appointments.repository';

/**
 * The appointment rules of a center: its own numbers, else the defaults. A stored value that no longer
 * passes the contract (an older version wrote it) falls back to the default of that one number.
 */
export async function loadSettings(
  q: Queryable,
  centerId: string,
): Promise<{ policy: AppointmentPolicy; bulkRoomWindowId: string | null; source: 'own' | 'default' }> {
  const row = await repo.findSettings(q, centerId);
  if (!row) return { policy: defaultAppointmentPolicy, bulkRoomWindowId: null, source: 'default' };
  const parsed = AppointmentPolicyBody.partial().safeParse(row.policy);
  const own = parsed.success ? parsed.data : {};
  const policy = { ...defaultAppointmentPolicy };
  for (const [k, v] of Object.entries(own)) if (v !== undefined) Object.assign(policy, { [k]: v });
  return { policy, bulkRoomWindowId: row.bulk_room_window_id, source: 'own' };
}

export async function settingsView(q: Queryable, centerId: string): Promise<SettingsView> {
  const s = await loadSettings(q, centerId);
  return { centerId, policy: s.policy, bulkRoomWindowId: s.bulkRoomWindowId, source: s.source };
}

export async function updateSettings(
  q: Queryable,
  ctx: Ctx,
  input: z.output<typeof SettingsBody>,
): Promise<SettingsView> {
  if (input.bulkRoomWindowId) {
    const w = await findWindow(q, ctx.actor.centerPath, input.bulkRoomWindowId);
    if (!w || w.center_id !== input.centerId)
      throw new AppError('VALIDATION_FAILED', {}, { bulkRoomWindowId: 'rule.same_center' });
  }
  const before = await settingsView(q, input.centerId);
  await repo.upsertSettings(q, {
    centerId: input.centerId,
    policy: input.policy,
    bulkRoomWindowId: input.bulkRoomWindowId,
    by: ctx.actor.displayName,
    now: ctx.now,
  });
  const after = await settingsView(q, input.centerId);
  await recordAudit(q, {
    centerId: input.centerId,
    actor: { userId: ctx.actor.userId, displayName: ctx.actor.displayName },
    action: 'update',
    entity: 'appointment_settings',
    entityId: input.centerId,
    before,
    after,
    at: ctx.now,
  });
  return after;
}
