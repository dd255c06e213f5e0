// Test helpers (imported only by *.int.test.ts, the e2e setup and the bench): concluded cases built
// through the case feature's own API, and the evaluation link of a case.
import { expect } from 'vitest';
import { itemByName, receiveBody } from '../cases/cases.fixtures';
import type { Client, TestApp } from '../test/test-app';

/** A 即办件 received by `officer` at their window and approved on the spot by the chief representative. */
export async function concludedCase(
  t: TestApp,
  officer: Client,
  chief: Client,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; number: string }> {
  const shop = await itemByName(t.db, '个体工商户设立登记', t.clock.now());
  const res = await officer.post('/api/cases', receiveBody(shop, 'accept', extra));
  expect(res.statusCode, res.body).toBe(201);
  const { id, number } = res.json<{ id: string; number: string }>();
  const ok = await chief.post(`/api/cases/${id}/actions`, {
    action: 'approve',
    certificate: { number: '92349901MA0000001X' },
  });
  expect(ok.statusCode, ok.body).toBe(200);
  return { id, number };
}

/** A case received and accepted but not concluded. */
export async function openCase(t: TestApp, officer: Client): Promise<{ id: string; number: string }> {
  const shop = await itemByName(t.db, '个体工商户设立登记', t.clock.now());
  const res = await officer.post('/api/cases', receiveBody(shop, 'accept'));
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; number: string }>();
}

export async function invitationToken(staff: Client, caseId: string): Promise<string> {
  const res = await staff.get(`/api/evaluation/cases/${caseId}/invitation`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<{ token: string }>().token;
}

export const errorOf = (res: { json<T>(): T }) =>
  res.json<{ error: { code: string; message: string; fields?: Record<string, string> } }>().error;
