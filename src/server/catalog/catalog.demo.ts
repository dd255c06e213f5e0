import { civilDateOfDayNumber, dayNumberOfInstant } from '../../domain/calendar/civil-time';
import { ItemContent, type SpecialProcedure, type TimeLimit } from '../../shared/contracts/catalog';
import { specialProcedureLabels } from '../../shared/contracts/catalog-labels';
import type { Queryable } from '../db/db';
import type { DemoStep } from '../demo/demo-context';
import { demoItems } from '../demo/data/catalog';
import { demoDepartments, demoWindows } from '../demo/data/org';
import { demoStaff } from '../demo/data/org.staff';
import type { DemoItem } from '../demo/data/types';
import * as repo from './catalog.repository';

/**
 * The demo catalog (~60 items of 云溪县政务服务中心), loaded as published versions. An item with a
 * `previousPromisedLimit` gets a version 1 with the old limit (in force since the start of last year)
 * and a version 2 with the shortened one, published 90 days before "now" by the center's clean-up
 * campaign (审批提速), so the compression report and the history view have something to show.
 */
const procedureKey = new Map(
  (Object.entries(specialProcedureLabels) as [SpecialProcedure, { zh: string }][]).map(([k, l]) => [l.zh, k]),
);

/** The contract's content of a demo item; `promised` replaces its promised limit (older versions). */
export function demoItemContent(d: DemoItem, promised?: TimeLimit): ItemContent {
  const limit = promised ?? d.promisedLimit;
  return ItemContent.parse({
    name: d.name,
    itemType: itemTypeOfCode[d.itemType],
    exerciseLevel: d.exerciseLevel,
    acceptLevels: d.acceptLevels,
    caseType: limit.amount === 0 ? 'immediate' : 'promised',
    legalLimit: d.legalLimit,
    legalLimitNote: d.legalLimitNote ?? '',
    promisedLimit: limit,
    handlingModes:
      limit.amount === 0 || !promised ? d.handlingModes : d.handlingModes.filter((m) => m !== 'immediate'),
    visitsRequired: d.visitsRequired,
    visitsReason: d.visitsReason ?? '',
    onlineDepth: d.onlineDepth,
    legalBasis: d.legalBasis,
    conditions: d.conditions,
    steps: d.steps.map((s, i) => ({ key: `s${i + 1}`, name: s.name, role: s.role, limit: s.limit })),
    specialProcedures: d.specialProcedures.map((p) => procedureKey.get(p)),
    fees: d.fees.map((f) => ({
      name: f.name,
      standardFen: Math.round(f.standard * 100),
      basis: f.basis,
      reductions: f.reductions ?? '',
    })),
    result: d.result,
    location: d.location,
    hours: d.hours,
    phone: d.phone,
    complaintPhone: d.complaintPhone,
    faq: d.faq,
    themes: d.themes,
    materials: d.materials.map((m, i) => ({
      key: `m${i + 1}`,
      name: m.name,
      originals: m.originals,
      copies: m.copies,
      form: m.form,
      necessity: m.necessity,
      source: m.source,
      notes: m.notes ?? '',
      situation: m.situation ?? null,
    })),
    situations: d.situations ?? [],
  });
}

const itemTypeOfCode: Record<DemoItem['itemType'], ItemContent['itemType']> = {
  '01': 'licensing',
  '04': 'levy',
  '05': 'benefit',
  '07': 'confirmation',
  '10': 'other',
  '20': 'public_service',
};

const dayOffset = (now: Date, days: number) => civilDateOfDayNumber(dayNumberOfInstant(now.getTime()) + days);

async function publish(
  tx: Queryable,
  p: {
    itemId: string;
    centerId: string;
    versionNo: number;
    content: ItemContent;
    search: string;
    effectiveFrom: string;
    campaignId: string | null;
    note: string;
    at: Date;
    admin: { id: string; name: string };
    reviewer: { id: string; name: string } | null;
  },
): Promise<string> {
  const id = await repo.insertVersion(tx, {
    itemId: p.itemId,
    centerId: p.centerId,
    versionNo: p.versionNo,
    status: 'center_review',
    campaignId: p.campaignId,
    changeNote: p.note,
    content: p.content,
    search: p.search,
    createdByName: p.admin.name,
    now: p.at,
  });
  await repo.setVersionStatus(tx, id, {
    status: 'published',
    now: p.at,
    submitted: true,
    ...(p.reviewer ? { departmentReviewer: p.reviewer } : {}),
    approver: p.admin,
    effectiveFrom: p.effectiveFrom,
  });
  await repo.insertEvent(tx, {
    versionId: id,
    itemId: p.itemId,
    centerId: p.centerId,
    action: 'publish',
    from: 'center_review',
    to: 'published',
    actor: { userId: p.admin.id, displayName: p.admin.name },
    comment: p.note,
    at: p.at,
  });
  return id;
}

export const catalogDemoStep: DemoStep = async (tx, ctx) => {
  const adminStaff = demoStaff.find((s) => s.roles.includes('admin'))!;
  const admin = { id: ctx.userIds.get(adminStaff.username)!, name: adminStaff.name };
  const reviewerOf = (departmentCode: string) => {
    const s = demoStaff.find(
      (x) =>
        x.departmentCode === departmentCode && x.roles.some((r) => r === 'approver' || r === 'chief_rep'),
    );
    return s ? { id: ctx.userIds.get(s.username)!, name: s.name } : null;
  };
  const year = Number(dayOffset(ctx.now, 0).slice(0, 4));
  const v1From = `${year - 1}-01-01`;
  const v2From = dayOffset(ctx.now, -90);
  const v1At = new Date(`${year - 2}-12-20T02:00:00Z`);
  const v2At = new Date(Date.parse(`${v2From}T00:00:00Z`) - 7 * 86_400_000);
  const centerOf = new Map(demoDepartments.map((d) => [d.code, ctx.centerIds.get(d.centerCode)!]));

  // The clean-up that shortened the limits: three phases over the departments, as in seed 000.
  const county = ctx.centerIds.get(demoDepartments[0]!.centerCode)!;
  const deptCodes = [...new Set(demoItems.map((i) => i.departmentCode))];
  const [campaign] = await tx.query<{ id: string }>(
    `INSERT INTO catalog_campaigns (center_id, name, description, status, created_by_name, created_at, updated_at, started_at, closed_at)
     VALUES ($1, $2, $3, 'closed', $4, $5, $6, $5, $6) RETURNING id`,
    [
      county,
      `${year - 1}年度事项清理（第三次审批提速）`,
      '简化审批环节，缩短承诺期限，梳理即办件，分三个阶段完成。',
      admin.name,
      new Date(v2At.getTime() - 60 * 86_400_000),
      v2At,
    ],
  );
  const phaseSize = Math.ceil(deptCodes.length / 3);
  for (let p = 0; p < 3; p++) {
    const [ph] = await tx.query<{ id: string }>(
      `INSERT INTO catalog_campaign_phases (campaign_id, center_id, seq, name, due_on, status, started_at, completed_at)
       VALUES ($1, $2, $3, $4, NULL, 'completed', $5, $6) RETURNING id`,
      [
        campaign!.id,
        county,
        p + 1,
        `第${'一二三'[p]}阶段`,
        new Date(v2At.getTime() - (60 - p * 20) * 86_400_000),
        v2At,
      ],
    );
    for (const code of deptCodes.slice(p * phaseSize, (p + 1) * phaseSize)) {
      await tx.query(
        'INSERT INTO catalog_campaign_departments (campaign_id, phase_id, department_id, center_id) VALUES ($1, $2, $3, $4)',
        [campaign!.id, ph!.id, ctx.departmentIds.get(code), county],
      );
    }
  }

  for (const d of demoItems) {
    const centerId = centerOf.get(d.departmentCode)!;
    const itemId = await repo.insertItem(tx, {
      centerId,
      departmentId: ctx.departmentIds.get(d.departmentCode)!,
      basicCode: d.basicCode,
      implCode: d.implCode,
      now: v1At,
    });
    const reviewer = reviewerOf(d.departmentCode);
    const common = { itemId, centerId, admin, reviewer };
    let current: string;
    if (d.previousPromisedLimit) {
      const old = demoItemContent(d, d.previousPromisedLimit);
      await publish(tx, {
        ...common,
        versionNo: 1,
        content: old,
        search: repo.searchText(old, d.basicCode, d.implCode),
        effectiveFrom: v1From,
        campaignId: null,
        note: '首次公布',
        at: v1At,
      });
      const now = demoItemContent(d);
      current = await publish(tx, {
        ...common,
        versionNo: 2,
        content: now,
        search: repo.searchText(now, d.basicCode, d.implCode),
        effectiveFrom: v2From,
        campaignId: campaign!.id,
        note: '审批提速：缩短承诺时限',
        at: v2At,
      });
    } else {
      const c = demoItemContent(d);
      current = await publish(tx, {
        ...common,
        versionNo: 1,
        content: c,
        search: repo.searchText(c, d.basicCode, d.implCode),
        effectiveFrom: v1From,
        campaignId: null,
        note: '首次公布',
        at: v1At,
      });
    }
    await repo.setItemPointers(tx, itemId, { current, next: null, nextEffectiveFrom: null }, v1At);
    await assignDemoSkills(tx, ctx, itemId, centerId, d.departmentCode);
  }
};

/**
 * 全岗通: an item is accepted at its department's windows and at every comprehensive window of its
 * center, by the department's window staff and by the staff of the comprehensive windows.
 */
async function assignDemoSkills(
  tx: Queryable,
  ctx: Parameters<DemoStep>[1],
  itemId: string,
  centerId: string,
  departmentCode: string,
): Promise<void> {
  const centerCode = [...ctx.centerIds.entries()].find(([, id]) => id === centerId)![0];
  const windows = demoWindows.filter(
    (w) => w.centerCode === centerCode && (w.kind === 'comprehensive' || w.departmentCode === departmentCode),
  );
  const windowNumbers = new Set(windows.map((w) => w.number));
  const windowIds = windows.map((w) => ctx.windowIds.get(`${w.centerCode}:${w.number}`)!);
  const staffIds = demoStaff
    .filter(
      (s) =>
        s.centerCode === centerCode &&
        s.windowNumber !== null &&
        windowNumbers.has(s.windowNumber) &&
        s.roles.some((r) => r === 'officer' || r === 'chief_rep'),
    )
    .map((s) => ctx.staffIds.get(s.username)!);
  await tx.query(
    'INSERT INTO item_windows (item_id, window_id, center_id) SELECT $1, w, $2 FROM unnest($3::uuid[]) w',
    [itemId, centerId, windowIds],
  );
  await tx.query(
    'INSERT INTO item_staff (item_id, staff_id, center_id) SELECT $1, s, $2 FROM unnest($3::uuid[]) s',
    [itemId, centerId, staffIds],
  );
}
