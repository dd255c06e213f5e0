import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Policies } from '../../shared/contracts/evaluation';
import { createTestApp, type Client, type TestApp } from '../test/test-app';

/** Evaluation policies: saved by an administrator, inherited down the network, seen at once. */
let t: TestApp;
let admin: Client;
let county: string;
let village: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.as('admin');
  county = (await t.db.query<{ id: string }>("SELECT id FROM centers WHERE level = 'county'"))[0]!.id;
  village = (await t.db.query<{ id: string }>("SELECT id FROM centers WHERE level = 'village' LIMIT 1"))[0]!
    .id;
});
afterAll(() => t.close());

const policiesOf = async (centerId: string) => {
  const res = await admin.get(`/api/evaluation/settings?centerId=${centerId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<Policies>();
};

describe('evaluation policies', () => {
  it('an administrator changes the follow-up period; the county and the villages below follow', async () => {
    const before = await policiesOf(county);
    expect(await policiesOf(village)).toEqual(before);
    const changed = { ...before, evaluation: { ...before.evaluation, followUpWithinDays: 21 } };
    const res = await admin.put(`/api/evaluation/settings?centerId=${county}`, changed);
    expect(res.statusCode, res.body).toBe(200);
    expect((await policiesOf(county)).evaluation.followUpWithinDays).toBe(21);
    expect((await policiesOf(village)).evaluation.followUpWithinDays).toBe(21);
  });

  it('a change saved by another server process is used at once', async () => {
    expect((await policiesOf(village)).evaluation.followUpWithinDays).toBe(21); // read, and kept
    // What another process's save commits (settings.service.ts savePolicies): the row and the epoch.
    await t.db.transaction(async (tx) => {
      await tx.query(
        `UPDATE evaluation_settings SET policies = jsonb_set(policies, '{evaluation,followUpWithinDays}', '30')
         WHERE center_id = $1`,
        [county],
      );
      await tx.query('UPDATE evaluation_settings_epoch SET epoch = epoch + 1');
    });
    expect((await policiesOf(village)).evaluation.followUpWithinDays).toBe(30);
  });

  it('refuses a period out of range, naming the field, and keeps what was saved', async () => {
    const current = await policiesOf(county);
    const res = await admin.put(`/api/evaluation/settings?centerId=${county}`, {
      ...current,
      evaluation: { ...current.evaluation, followUpWithinDays: 0 },
    });
    expect(res.statusCode).toBe(400);
    expect(JSON.stringify(res.json())).toContain('followUpWithinDays');
    expect((await policiesOf(county)).evaluation.followUpWithinDays).toBe(30);
  });

  it('only an administrator saves them', async () => {
    const officer = await t.as('officer');
    const res = await officer.put(`/api/evaluation/settings?centerId=${county}`, await policiesOf(county));
    expect(res.statusCode).toBe(403);
  });
});
