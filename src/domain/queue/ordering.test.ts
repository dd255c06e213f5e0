import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareQueueEntries, peopleAhead, pickNext, sortQueue, type QueueEntry } from './ordering';
import { defaultPriorityWeights, priorityWeight, resolvePriorityWeights } from './priorities';

const MIN = 60_000;
const T0 = Date.parse('2026-03-02T01:00:00Z');
let seq = 0;
const entry = (p: Partial<QueueEntry> & { id: string }): QueueEntry => ({
  categoryId: 'A',
  reservedWindowId: null,
  appointmentAt: null,
  priorityWeight: 0,
  queuedAt: T0,
  seq: ++seq,
  ...p,
});
const ids = (xs: QueueEntry[]) => xs.map((x) => x.id);

describe('the queue ordering policy', () => {
  it('serves in arrival order without priorities or appointments', () => {
    const q = [
      entry({ id: 'c', queuedAt: T0 + 2 * MIN }),
      entry({ id: 'a' }),
      entry({ id: 'b', queuedAt: T0 + MIN }),
    ];
    expect(ids(sortQueue(q, T0 + 10 * MIN))).toEqual(['a', 'b', 'c']);
  });

  it('puts a verified priority before earlier arrivals, heavier weights first', () => {
    const q = [
      entry({ id: 'early' }),
      entry({ id: 'elder', queuedAt: T0 + 5 * MIN, priorityWeight: defaultPriorityWeights.elderly }),
      entry({ id: 'soldier', queuedAt: T0 + 6 * MIN, priorityWeight: defaultPriorityWeights.military }),
    ];
    expect(ids(sortQueue(q, T0 + 10 * MIN))).toEqual(['soldier', 'elder', 'early']);
  });

  it('puts appointments whose time has come first, by appointment time, before any priority', () => {
    const now = T0 + 30 * MIN;
    const q = [
      entry({ id: 'soldier', priorityWeight: 3 }),
      entry({ id: 'appt-10', queuedAt: T0 + 20 * MIN, appointmentAt: T0 + 25 * MIN }),
      entry({ id: 'appt-05', queuedAt: T0 + 29 * MIN, appointmentAt: T0 + 5 * MIN }),
      entry({ id: 'appt-later', queuedAt: T0 - 10 * MIN, appointmentAt: T0 + 60 * MIN }),
    ];
    // The early bird for 10:00 waits like everyone else: arrival order after the priority.
    expect(ids(sortQueue(q, now))).toEqual(['appt-05', 'appt-10', 'soldier', 'appt-later']);
  });

  it('a transferred ticket keeps its place: it is called before later arrivals at its target window', () => {
    const transferred = entry({ id: 'moved', queuedAt: T0, categoryId: 'B', reservedWindowId: 'w7' });
    const q = [entry({ id: 'later', queuedAt: T0 + 3 * MIN, categoryId: 'B' }), transferred];
    expect(pickNext(q, 'w7', new Set(['B']), T0 + 20 * MIN)?.id).toBe('moved');
    // … and no other window may call it.
    expect(pickNext(q, 'w8', new Set(['B']), T0 + 20 * MIN)?.id).toBe('later');
    expect(pickNext([transferred], 'w8', new Set(['A', 'B']), T0 + 20 * MIN)).toBeUndefined();
  });

  it('a window calls only the categories it serves', () => {
    const q = [
      entry({ id: 'a1', categoryId: 'A' }),
      entry({ id: 'b1', categoryId: 'B', queuedAt: T0 + MIN }),
    ];
    expect(pickNext(q, 'w1', new Set(['B']), T0 + 5 * MIN)?.id).toBe('b1');
    expect(pickNext(q, 'w1', new Set(['C']), T0 + 5 * MIN)).toBeUndefined();
  });

  it('counts the people ahead among those competing for the same windows', () => {
    const q = [
      entry({ id: 'a1', categoryId: 'A' }),
      entry({ id: 'b1', categoryId: 'B', queuedAt: T0 + MIN }),
      entry({ id: 'a2', categoryId: 'A', queuedAt: T0 + 2 * MIN }),
    ];
    const target = q[2]!;
    expect(peopleAhead(q, target, T0 + 5 * MIN, (e) => e.categoryId === 'A')).toBe(1);
    expect(peopleAhead(q, target, T0 + 5 * MIN, () => true)).toBe(2);
    expect(peopleAhead(q, q[0]!, T0 + 5 * MIN, () => true)).toBe(0);
  });

  const arbEntry = fc.record({
    id: fc.uuid(),
    categoryId: fc.constantFrom('A', 'B'),
    reservedWindowId: fc.constant(null),
    appointmentAt: fc.option(fc.integer({ min: T0, max: T0 + 120 * MIN }), { nil: null }),
    priorityWeight: fc.integer({ min: 0, max: 5 }),
    queuedAt: fc.integer({ min: T0, max: T0 + 120 * MIN }),
    seq: fc.nat(1000),
  });

  it('is a total order: antisymmetric and transitive, whatever the entries', () => {
    fc.assert(
      fc.property(
        arbEntry,
        arbEntry,
        arbEntry,
        fc.integer({ min: T0, max: T0 + 180 * MIN }),
        (a, b, c, now) => {
          fc.pre(a.id !== b.id && b.id !== c.id && a.id !== c.id);
          expect(Math.sign(compareQueueEntries(a, b, now))).toBe(-Math.sign(compareQueueEntries(b, a, now)));
          expect(compareQueueEntries(a, b, now)).not.toBe(0);
          if (compareQueueEntries(a, b, now) < 0 && compareQueueEntries(b, c, now) < 0)
            expect(compareQueueEntries(a, c, now)).toBeLessThan(0);
        },
      ),
    );
  });

  it('pickNext returns the head of the sorted callable queue', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(arbEntry, { selector: (e) => e.id, maxLength: 25 }),
        fc.integer({ min: T0, max: T0 + 180 * MIN }),
        (q, now) => {
          const served = new Set(['A']);
          const head = sortQueue(q, now).find((e) => served.has(e.categoryId));
          expect(pickNext(q, 'w1', served, now)?.id).toBe(head?.id);
        },
      ),
    );
  });

  it('a higher weight never moves a ticket back (monotone in the weight)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(arbEntry, { selector: (e) => e.id, minLength: 1, maxLength: 20 }),
        fc.integer({ min: 1, max: 5 }),
        (q, bump) => {
          const now = T0 + 200 * MIN;
          const target = q[0]!;
          const before = peopleAhead(q, target, now, () => true);
          const raised = { ...target, priorityWeight: target.priorityWeight + bump };
          const after = peopleAhead([raised, ...q.slice(1)], raised, now, () => true);
          expect(after).toBeLessThanOrEqual(before);
        },
      ),
    );
  });
});

describe('priority weights', () => {
  it('a hall overrides the defaults with valid weights only', () => {
    const w = resolvePriorityWeights({ elderly: 5, disabled: 0, military: 'x', pregnant: 2.5 });
    expect(w).toEqual({ ...defaultPriorityWeights, elderly: 5 });
    expect(priorityWeight(w, null)).toBe(0);
    expect(priorityWeight(w, 'elderly')).toBe(5);
  });

  it('every default priority weighs more than no priority', () => {
    for (const v of Object.values(defaultPriorityWeights)) expect(v).toBeGreaterThan(0);
  });
});
