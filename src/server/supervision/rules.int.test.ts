import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instantOfCivil } from '../../domain/calendar';
import type { ItemVersionView } from '../../shared/contracts/catalog';
import { createTestApp, type Client, type TestApp } from '../test/test-app';
import { levelsOf, Stories } from './supervision.stories';

/**
 * Supervision rules as data: supervisors edit them per center and per item (audited), contradictory
 * thresholds are refused with the field named, and an item's override changes what the sweep does
 * for that item's cases.
 */
let t: TestApp;
let s: Stories;
let sup: Client;
/** 宋佳, window 9 (市场监管): receives and accepts the food licences. */
let songjia: Client;
let county: string;
let item: ItemVersionView;
const at = (day: string, hhmm: string) => instantOfCivil(day, hhmm);

beforeAll(async () => {
  t = await createTestApp();
  s = await Stories.open(t);
  sup = s.sup;
  county = s.county;
  songjia = await t.as('songjia');
  // 食品经营许可（新办）: 市场监管, 5 working days promised.
  item = await s.item('食品经营许可（新办）', at('2026-03-02', '09:00'));
});
afterAll(() => t.close());

describe('rules as data', () => {
  it('refuses contradictory thresholds, naming the field', async () => {
    const res = await sup.put('/api/supervision/rules/deadline', {
      centerId: county,
      enabled: true,
      level: 'yellow',
      thresholds: {
        warning: { ref: 'due', value: -1 },
        yellow: { ref: 'due', value: 0 },
        red: { ref: 'due', value: -2 },
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: {
        code: 'SUPERVISION_RULE_CONTRADICTION',
        fields: { 'thresholds.red.value': '红牌必须晚于黄牌' },
      },
    });
    const range = await sup.put('/api/supervision/rules/five_day', {
      centerId: county,
      enabled: true,
      level: 'red',
      thresholds: { limitWorkdays: 8, warnBeforeWorkdays: 1 },
    });
    expect(range.statusCode).toBe(400);
    expect(Object.keys(range.json<{ error: { fields: object } }>().error.fields)).toEqual([
      'thresholds.limitWorkdays',
    ]);
  });

  it('a supervisor edits a rule (audited) and an item override applies to that item only', async () => {
    const res = await sup.put('/api/supervision/rules/acceptance_late', {
      centerId: county,
      enabled: true,
      level: 'yellow',
      thresholds: { maxMinutes: 20 },
      note: '窗口受理须即时录入',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ level: 'yellow', thresholds: { maxMinutes: 20 }, definedAt: county });
    const audit = (await (await t.as('admin')).get('/api/audit?entity=supervision_rule')).json<{
      items: { action: string; entityId: string }[];
    }>();
    expect(audit.items[0]).toMatchObject({ action: 'update', entityId: `${county}:acceptance_late` });

    const override = await sup.put(`/api/supervision/items/${item.itemId}/rules/deadline`, {
      enabled: true,
      level: 'yellow',
      thresholds: {
        warning: { ref: 'percent', value: 50 },
        yellow: { ref: 'due', value: 0 },
        red: { ref: 'yellow', value: 2 },
      },
    });
    expect(override.statusCode).toBe(200);
    // With the item's 5-day limit known, a warning 5 working days before the due is before acceptance.
    const bad = await sup.put(`/api/supervision/items/${item.itemId}/rules/deadline`, {
      enabled: true,
      level: 'yellow',
      thresholds: {
        warning: { ref: 'due', value: -5 },
        yellow: { ref: 'due', value: 0 },
        red: { ref: 'yellow', value: 2 },
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { fields: object } }>().error.fields).toHaveProperty([
      'thresholds.warning.value',
    ]);

    const { id: caseId } = await s.receive(songjia, item, {
      receivedAt: at('2026-03-23', '09:00'),
      acceptedAt: at('2026-03-23', '09:10'),
    });
    // 50 % of 5 working days from Tue 03-24: 2.5 working days, i.e. Thu 03-26 around noon.
    await s.sweep(at('2026-03-26', '15:00'));
    expect(levelsOf(await s.cards(caseId), 'deadline')).toEqual(['warning']);
    const del = await sup.delete(`/api/supervision/items/${item.itemId}/rules/deadline`);
    expect(del.statusCode).toBe(200);
  });

  it('only supervisors edit rules', async () => {
    const officer = await t.as('officer');
    const res = await officer.put('/api/supervision/rules/fee_mismatch', {
      centerId: county,
      enabled: true,
      level: 'red',
      thresholds: { toleranceFen: 0 },
    });
    expect(res.statusCode).toBe(403);
  });
});
