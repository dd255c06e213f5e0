import type { Db, Queryable } from '../db/db';
import { hashPassword } from '../auth/passwords';
import type { DemoContext } from './demo-context';
import { demoSteps } from './demo-steps';
import { demoOrg } from './data/org';
import type { Role } from '../../shared/contracts/roles';
import { DEMO_PASSWORD } from './demo-accounts';

/**
 * Load the demo service center on first start (an empty database), in one transaction: either the
 * whole demo is there or nothing is. Later features append their own steps (calendar, catalog, …).
 */
export async function loadDemoData(db: Db, now: Date): Promise<boolean> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM centers');
  if ((row?.n ?? 0) > 0) return false;
  // Every demo account has the same password, so it is hashed once.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const ctx = await loadOrg(tx, now, passwordHash);
    for (const step of demoSteps) await step(tx, ctx);
  });
  return true;
}

async function loadOrg(tx: Queryable, now: Date, passwordHash: string): Promise<DemoContext> {
  const ctx: DemoContext = {
    now,
    centerIds: new Map(),
    departmentIds: new Map(),
    windowIds: new Map(),
    staffIds: new Map(),
    userIds: new Map(),
  };
  // Parents before children: the data lists centers top-down.
  for (const c of demoOrg.centers) {
    const parentId = c.parentCode ? ctx.centerIds.get(c.parentCode)! : null;
    const [r] = await tx.query<{ id: string }>(
      `WITH id AS (SELECT gen_random_uuid() AS id)
       INSERT INTO centers (id, code, name, level, parent_id, path, region_code, address, phone, created_at, updated_at)
       SELECT id.id, $1, $2, $3, $4::uuid,
              coalesce((SELECT path FROM centers WHERE id = $4::uuid), '/') || id.id::text || '/', $5, $6, $7, $8, $8
       FROM id RETURNING id`,
      [c.code, c.name, c.level, parentId, c.regionCode, c.address, c.phone, now],
    );
    ctx.centerIds.set(c.code, r!.id);
  }
  for (const d of demoOrg.departments) {
    const [r] = await tx.query<{ id: string }>(
      `INSERT INTO departments (center_id, code, name, short_name, credit_code, phone, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $7) RETURNING id`,
      [ctx.centerIds.get(d.centerCode), d.code, d.name, d.shortName, d.creditCode, d.phone, now],
    );
    ctx.departmentIds.set(d.code, r!.id);
  }
  for (const w of demoOrg.windows) {
    const [r] = await tx.query<{ id: string }>(
      `INSERT INTO windows (center_id, number, name, kind, department_id, hall, phone, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
      [
        ctx.centerIds.get(w.centerCode),
        w.number,
        w.name,
        w.kind,
        w.departmentCode ? ctx.departmentIds.get(w.departmentCode) : null,
        w.hall,
        w.phone,
        now,
      ],
    );
    ctx.windowIds.set(`${w.centerCode}:${w.number}`, r!.id);
  }
  for (const s of demoOrg.staff) {
    const centerId = ctx.centerIds.get(s.centerCode)!;
    const [r] = await tx.query<{ id: string }>(
      `INSERT INTO staff (center_id, department_id, name, gender, post, badge_number, phone, window_id, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9) RETURNING id`,
      [
        centerId,
        s.departmentCode ? ctx.departmentIds.get(s.departmentCode) : null,
        s.name,
        s.gender,
        s.post,
        s.badgeNumber,
        s.phone,
        s.windowNumber ? ctx.windowIds.get(`${s.centerCode}:${s.windowNumber}`) : null,
        now,
      ],
    );
    ctx.staffIds.set(s.username, r!.id);
    ctx.userIds.set(
      s.username,
      await insertUser(tx, s.username, passwordHash, s.name, s.roles, centerId, r!.id, null, now),
    );
  }
  // AB岗 pairs reference staff rows, so they are linked once everyone exists.
  for (const s of demoOrg.staff) {
    if (s.backupOf) {
      await tx.query('UPDATE staff SET backup_of_id = $2 WHERE id = $1', [
        ctx.staffIds.get(s.username),
        ctx.staffIds.get(s.backupOf),
      ]);
    }
  }
  for (const a of demoOrg.applicants) {
    const [r] = await tx.query<{ id: string }>(
      `INSERT INTO applicants (kind, name, id_type, id_number, phone, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [a.kind, a.name, a.idType, a.idNumber, a.phone, now],
    );
    ctx.userIds.set(
      a.username,
      await insertUser(tx, a.username, passwordHash, a.name, ['applicant'], null, null, r!.id, now),
    );
  }
  return ctx;
}

async function insertUser(
  tx: Queryable,
  username: string,
  passwordHash: string,
  displayName: string,
  roles: readonly Role[],
  centerId: string | null,
  staffId: string | null,
  applicantId: string | null,
  now: Date,
): Promise<string> {
  const [r] = await tx.query<{ id: string }>(
    `INSERT INTO users (username, password_hash, display_name, roles, center_id, staff_id, applicant_id, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) RETURNING id`,
    [username, passwordHash, displayName, roles, centerId, staffId, applicantId, now],
  );
  return r!.id;
}
