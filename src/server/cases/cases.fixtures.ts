// Test fixture (imported only by *.int.test.ts and the bench): builders of case requests over the
// demo catalog, so each test names the item and the decision and gets a valid request.
import { idNumberCheckChar } from '../../domain/identity';
import type { ItemVersionView } from '../../shared/contracts/catalog';
import type { Queryable } from '../db/db';
import { getEffectiveItemVersion } from '../catalog/catalog.service';

/** A valid 居民身份证 number of the fictional region 349901, born on `birth` (YYYYMMDD). */
export function idNumber(birth = '19800101', seq = '123'): string {
  const body = `349901${birth}${seq}`;
  return body + idNumberCheckChar(body);
}

export const APPLICANT = {
  kind: 'person' as const,
  name: '王测试',
  idType: 'resident_id' as const,
  idNumber: idNumber(),
  phone: '13955667788',
};

export async function itemByName(q: Queryable, name: string, at: Date): Promise<ItemVersionView> {
  const rows = await q.query<{ item_id: string }>(
    `SELECT v.item_id FROM item_versions v WHERE v.name = $1 AND v.status = 'published' LIMIT 1`,
    [name],
  );
  if (!rows[0]) throw new Error(`no demo item named ${name}`);
  const v = await getEffectiveItemVersion(q, { itemId: rows[0].item_id, at });
  if (!v) throw new Error(`no version of ${name} in force`);
  return v;
}

/** Every material the applicant must bring, ticked as received with the catalog's counts. */
export const allReceived = (v: ItemVersionView) =>
  v.content.materials
    .filter((m) => m.source === 'applicant' && m.necessity !== 'optional' && !m.situation)
    .map((m) => ({ key: m.key, status: 'received' as const, originals: m.originals, copies: m.copies }));

export function receiveBody(
  v: ItemVersionView,
  decision: 'receive' | 'accept' | 'request_supplement' | 'refuse' = 'accept',
  extra: Record<string, unknown> = {},
) {
  return { itemId: v.itemId, applicant: APPLICANT, materials: allReceived(v), decision, ...extra };
}

/** The error body of a response, typed. */
export const errorOf = (res: { json<T>(): T }) =>
  res.json<{ error: { code: string; message: string; fields?: Record<string, string> } }>().error;
