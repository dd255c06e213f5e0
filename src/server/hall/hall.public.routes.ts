import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ErrorBody, IdParams } from '../../shared/contracts/common';
import {
  BoardView,
  FeedQuery,
  HallCategoriesOpenView,
  HallPublicView,
  KioskTicketRequest,
  TicketIssued,
  TicketPublicView,
  WindowDisplayView,
} from '../../shared/contracts/hall';
import { qrPng } from '../documents/qr';
import type { HallBroker } from './hall.broker';
import { requireHall, requireTicket, type HallCtx } from './hall.common';
import type { FeedEnvelope } from './hall.feed';
import { withFeed } from './hall.feed';
import { lastEventId, openSse, sseFrame } from './hall.sse';
import { loadHallState, type HallState } from './hall.state';
import * as views from './hall.views';
import { issueTicketWithPosition } from './tickets.service';

const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody };
export const phonePath = (ticketId: string) => `/hall/t/${ticketId}`;

/**
 * The public screens of a hall: kiosk (取号机), hall display (大屏), window displays and the phone page
 * of a ticket. No login: a hall or window is named by its id in the screen's address, a ticket by its
 * random id (the QR code on the slip). Nothing here returns personal data.
 */
export async function hallPublicRoutes(app: FastifyInstance, broker: HallBroker): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['public'];
  const kiosk = (): HallCtx => ({ now: app.clock.now(), actor: null });

  r.get(
    '/api/public/halls/:id',
    { schema: { tags, params: IdParams, response: { 200: HallPublicView, ...errors } } },
    async (req) => views.hallPublic(app.db, req.params.id, app.clock.now()),
  );
  r.get(
    '/api/public/halls/:id/board',
    { schema: { tags, params: IdParams, response: { 200: BoardView, ...errors } } },
    async (req) => views.board(app.db, req.params.id, app.clock.now()),
  );
  r.get(
    '/api/public/halls/:id/categories/open',
    {
      // Each answer works out the schedule of every category of the hall; a kiosk asks once a minute,
      // so a caller past this limit is not a kiosk (the limit of the per-category check it replaces).
      config: { rateLimit: { max: 300, timeWindow: '1 minute' } },
      schema: { tags, params: IdParams, response: { 200: HallCategoriesOpenView, ...errors } },
    },
    async (req) => views.hallCategoriesOpen(app.db, req.params.id, app.clock.now()),
  );
  r.get(
    '/api/public/windows/:id/display',
    { schema: { tags, params: IdParams, response: { 200: WindowDisplayView, ...errors } } },
    async (req) => views.windowDisplay(app.db, req.params.id, app.clock.now()),
  );

  r.post(
    '/api/public/halls/:id/tickets',
    {
      schema: {
        tags,
        params: IdParams,
        body: KioskTicketRequest,
        response: { 201: TicketIssued, ...errors },
      },
    },
    async (req, reply) => {
      const ctx = kiosk();
      const { id, position } = await withFeed(app.db, async (tx, outbox) =>
        issueTicketWithPosition(tx, outbox, ctx, {
          hall: await requireHall(tx, req.params.id, null),
          categoryId: req.body.categoryId,
          itemId: req.body.itemId,
          channel: 'kiosk',
        }),
      );
      return reply
        .code(201)
        .send({ ticket: await views.issuedTicket(app.db, id, ctx.now, position), phonePath: phonePath(id) });
    },
  );

  r.get(
    '/api/public/tickets/:id',
    { schema: { tags, params: IdParams, response: { 200: TicketPublicView, ...errors } } },
    async (req) => views.publicTicket(app.db, req.params.id, app.clock.now()),
  );
  r.get(
    '/api/public/tickets/:id/qr.png',
    { schema: { tags, params: IdParams, produces: ['image/png'] } },
    async (req, reply) => {
      const t = await requireTicket(app.db, req.params.id, null);
      const png = await qrPng(`${req.protocol}://${req.host}${phonePath(t.id)}`, 240);
      return reply.type('image/png').header('cache-control', 'public, max-age=86400').send(png);
    },
  );

  // ---- live feeds ------------------------------------------------------------------------------

  // A message goes to hundreds of displays: serialise it once.
  const frames = new WeakMap<FeedEnvelope, string>();
  const frameOf = (m: FeedEnvelope) => {
    let f = frames.get(m);
    if (f === undefined) {
      const { hallId: _hallId, ...msg } = m;
      frames.set(m, (f = sseFrame(m.type, m.seq, msg)));
    }
    return f;
  };

  /** The hall feed for displays: calls, ticket changes with waiting counts, window states, notice. */
  r.get(
    '/api/public/halls/:id/events',
    { schema: { tags, params: IdParams, querystring: FeedQuery, hide: true } },
    async (req, reply) => {
      const hall = await requireHall(app.db, req.params.id, null);
      const sse = openSse(req, reply);
      broker.track(sse);
      const send = (m: FeedEnvelope) => sse.write(frameOf(m));
      const detach = await broker.subscribe(hall.id, lastEventId(req, req.query.after), {
        deliver: send,
        reset: () => sse.send('reset', null, {}),
      });
      sse.onClose(detach);
      sse.send('ready', null, { hallId: hall.id });
    },
  );

  /**
   * The phone page's feed: after each hall message the ticket's own view (position, estimate, the
   * calling window) is recomputed, debounced, from one hall state shared by every phone of the hall.
   */
  const states = new Map<string, { seq: number; state: Promise<HallState> }>();
  const stateAt = (hallId: string, seq: number) => {
    const c = states.get(hallId);
    if (c && c.seq >= seq) return c.state;
    const state = requireHall(app.db, hallId, null).then((h) => loadHallState(app.db, h, app.clock.now()));
    states.set(hallId, { seq, state });
    state.catch(() => states.delete(hallId));
    return state;
  };
  r.get(
    '/api/public/tickets/:id/events',
    { schema: { tags, params: IdParams, hide: true } },
    async (req, reply) => {
      const t = await requireTicket(app.db, req.params.id, null);
      const sse = openSse(req, reply, 3000);
      broker.track(sse);
      let timer: NodeJS.Timeout | null = null;
      let lastSeq = 0;
      let last = '';
      const push = async (seq: number) => {
        const view = await views.publicTicket(
          app.db,
          t.id,
          app.clock.now(),
          seq ? await stateAt(t.hall_id, seq) : undefined,
        );
        const text = JSON.stringify(view);
        if (text !== last) sse.send('ticket', null, view);
        last = text;
      };
      const detach = await broker.subscribe(t.hall_id, null, {
        deliver: (m) => {
          lastSeq = m.seq;
          timer ??= setTimeout(() => {
            timer = null;
            push(lastSeq).catch((err: unknown) => req.log.warn({ err }, 'phone update failed'));
          }, 250);
        },
        reset: () => undefined,
      });
      sse.onClose(() => {
        detach();
        if (timer) clearTimeout(timer);
      });
      await push(0);
    },
  );
}
