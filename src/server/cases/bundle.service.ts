import type { BundleCreate } from '../../shared/contracts/cases';
import type { Queryable } from '../db/db';
import type { StaffCtx } from './cases.actor';
import { commitUnit } from './cases.commit';
import * as parts from './cases.parts.repository';
import type { CaseRow } from './cases.repository';
import { buildReceivedUnit, prepareReceipt, receiptCommit } from './receive.service';

/**
 * 两证齐发 / 一件事: several items received together for one applicant (e.g. the house and the land
 * certificates), each its own case with its own department and clock, bound in a bundle that is
 * ready — one pickup notice, one hand-over — only when every part is concluded (cases.commit.ts).
 */
export async function receiveBundle(q: Queryable, ctx: StaffCtx, input: BundleCreate): Promise<CaseRow[]> {
  const bundle = await parts.insertBundle(q, ctx.actor.centerId!, input.name, ctx.now);
  const rows: CaseRow[] = [];
  for (const part of input.parts) {
    const common = await prepareReceipt(q, ctx, part.itemId, input.windowId);
    const u = await buildReceivedUnit(
      q,
      ctx,
      { ...common, bundleId: bundle.id },
      {
        channel: 'counter',
        applicant: input.applicant,
        agent: input.agent,
        subject: input.subject,
        materials: part.materials,
        fee: part.fee,
      },
      { decision: input.decision },
    );
    rows.push((await commitUnit(q, u, receiptCommit(ctx, common))).row);
  }
  return rows;
}
