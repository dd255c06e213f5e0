// Test-only helpers (imported only by the supervision *.int.test.ts): the cases those tests watch are
// told as stories through the real API — POST /api/cases and the case action endpoint for every change
// of state, the hall endpoints for tickets, POST /api/dev/clock for time — so every row the sweep reads
// was written by the case engine through its transition table, as in production, never by the test.
import { expect } from 'vitest';
import type { z } from 'zod';
import type { CaseActionBody, CaseCreated, CaseDetail, FeeInput } from '../../shared/contracts/cases';
import type { ItemVersionView } from '../../shared/contracts/catalog';
import type { CategoryView, OfficerPanelView, TicketIssued } from '../../shared/contracts/hall';
import type { CardList, CardView, SweepResult } from '../../shared/contracts/supervision';
import { itemByName, receiveBody } from '../cases/cases.fixtures';
import type { Client, TestApp } from '../test/test-app';

export interface CaseRef {
  id: string;
  number: string;
}

export interface ReceiveOptions {
  /** 收件: when the materials are received at the window. */
  receivedAt: Date;
  /**
   * 受理: when the case is accepted. The same instant as the receipt accepts in the same sitting (one
   * request); a later one receives first and accepts then (two requests); left out, it stays received.
   */
  acceptedAt?: Date;
  fee?: z.input<typeof FeeInput>;
  /** The hall ticket the visitor was called with (从此号受理), linked in the receipt's transaction. */
  ticketId?: string;
}

export interface CalledTicket {
  id: string;
  number: string;
  windowId: string;
}

const ok = <T>(res: { statusCode: number; body: string; json<U>(): U }, status = 200): T => {
  expect(res.statusCode, res.body).toBe(status);
  return res.json<T>();
};

export class Stories {
  private constructor(
    readonly t: TestApp,
    /** The manual clock is set through its admin-only route, like a trainer would. */
    private readonly admin: Client,
    readonly sup: Client,
    readonly county: string,
  ) {}

  static async open(t: TestApp): Promise<Stories> {
    const [county] = await t.db.query<{ id: string }>("SELECT id FROM centers WHERE level = 'county'");
    return new Stories(t, await t.as('admin'), await t.as('supervisor'), county!.id);
  }

  /** Move the domain clock to `now` and hold it there (exact instants in assertions). */
  async clockAt(now: Date): Promise<void> {
    const res = ok<{ now: string }>(
      await this.admin.post('/api/dev/clock', { now: now.toISOString(), freeze: true }),
    );
    expect(res.now).toBe(now.toISOString());
  }

  /** A demo catalog item, the version in force at `at`. */
  item(name: string, at: Date): Promise<ItemVersionView> {
    return itemByName(this.t.db, name, at);
  }

  /** Receive a case at the window of `who` (and accept it, see ReceiveOptions). */
  async receive(who: Client, v: ItemVersionView, o: ReceiveOptions): Promise<CaseRef> {
    const sameSitting = o.acceptedAt?.getTime() === o.receivedAt.getTime();
    await this.clockAt(o.receivedAt);
    const extra = { ...(o.fee ? { fee: o.fee } : {}), ...(o.ticketId ? { ticketId: o.ticketId } : {}) };
    const created = ok<CaseCreated>(
      await who.post('/api/cases', receiveBody(v, sameSitting ? 'accept' : 'receive', extra)),
      201,
    );
    if (o.acceptedAt && !sameSitting) await this.act(who, created.id, o.acceptedAt, { action: 'accept' });
    return { id: created.id, number: created.number };
  }

  /** One action on the case at `at`, through the transition table. */
  async act(
    who: Client,
    caseId: string,
    at: Date,
    body: z.input<typeof CaseActionBody>,
  ): Promise<CaseDetail> {
    await this.clockAt(at);
    return ok<CaseDetail>(await who.post(`/api/cases/${caseId}/actions`, body));
  }

  /** The supervisor's on-demand sweep of the county at `at`. */
  async sweep(at: Date): Promise<SweepResult> {
    await this.clockAt(at);
    return ok<SweepResult>(await this.sup.post('/api/supervision/sweep', { centerId: this.county }));
  }

  async cards(caseId: string, state: 'all' | 'open' = 'all'): Promise<CardView[]> {
    return ok<CardList>(
      await this.sup.get(`/api/supervision/cards?caseId=${caseId}&state=${state}&pageSize=100`),
    ).items;
  }

  /**
   * A visitor takes a ticket at the kiosk at `issuedAt` for the category serving `v`, and `officer`
   * calls it by its number at `calledAt` to the window numbered `windowNumber`, and starts serving.
   */
  async calledTicket(
    officer: Client,
    v: ItemVersionView,
    windowNumber: string,
    issuedAt: Date,
    calledAt: Date,
  ): Promise<CalledTicket> {
    await this.clockAt(issuedAt);
    const halls = ok<{ id: string }[]>(await this.admin.get('/api/hall/halls'));
    let category: CategoryView | undefined;
    for (const h of halls) {
      const list = ok<CategoryView[]>(await this.admin.get(`/api/hall/halls/${h.id}/categories`));
      category ??= list.find((c) => c.items.some((i) => i.id === v.itemId));
    }
    const window = category?.windows.find((w) => w.number === windowNumber);
    expect(window, `window ${windowNumber} serves ${v.content.name}`).toBeTruthy();
    const issued = ok<TicketIssued>(
      await this.t.anon.post(`/api/public/halls/${category!.hallId}/tickets`, { categoryId: category!.id }),
      201,
    ).ticket;
    await this.clockAt(calledAt);
    const panel = ok<OfficerPanelView>(
      await officer.post(`/api/hall/windows/${window!.id}/call`, { number: issued.number }),
    );
    expect(panel.current).toMatchObject({ id: issued.id, status: 'called' });
    ok(await officer.post(`/api/hall/tickets/${issued.id}/start`, {}));
    return { id: issued.id, number: issued.number, windowId: window!.id };
  }

  /** The officer is done with the visitor: the window may call the next ticket. */
  async finishTicket(officer: Client, ticketId: string, at: Date): Promise<void> {
    await this.clockAt(at);
    ok(await officer.post(`/api/hall/tickets/${ticketId}/finish`, {}));
  }
}

/** The levels of the cards of one rule, sorted (a card issued twice would show twice). */
export const levelsOf = (cards: readonly CardView[], rule: string): string[] =>
  cards
    .filter((c) => c.rule === rule)
    .map((c) => c.level)
    .sort();
