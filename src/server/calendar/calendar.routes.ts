import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors';
import {
  CalendarDayView,
  CalendarYearQuery,
  CalendarYearView,
  CenterQuery,
  DayParams,
  DaySetBody,
  DeadlineBody,
  DeadlineView,
  HoursBody,
  HoursView,
  OptionalCenterQuery,
  PublicCenterView,
  WorkdaysQuery,
  WorkdaysView,
  YearChangeView,
  YearParams,
  YearScheduleBody,
} from '../../shared/contracts/calendar';
import { ErrorBody } from '../../shared/contracts/common';
import { requireStaff } from '../http/actor';
import { requestLang } from '../http/lang';
import { calculateDeadline, countWorkdays } from './calendar.deadline';
import * as edit from './calendar.edit.service';
import * as repo from './calendar.repository';
import { hoursView, requireChain, yearView } from './calendar.views';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 422: ErrorBody };
/** The public calculator answers anyone; this keeps one address from using it as a load test. */
const publicRateLimit = { rateLimit: { max: 300, timeWindow: '1 minute' } };

/**
 * The working-day calendar: staff read it, administrators of a center (or above) edit it with an audit
 * trail, and everyone — the public portal too, without login — computes deadlines and counts working
 * days with it. Writes name the center in the query string (`?centerId=`).
 */
export async function calendarRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['calendar'];
  const ctx = (req: FastifyRequest): edit.Ctx => ({
    actor: requireStaff(req, 'admin'),
    now: app.clock.now(),
  });
  /** Staff default to their own center; anonymous callers to the root (county) center. */
  const centerOf = async (req: FastifyRequest, centerId: string | undefined): Promise<string> => {
    if (centerId) return centerId;
    if (req.actor?.centerId) return req.actor.centerId;
    const root = await repo.findRootCenterId(app.db);
    if (!root) throw new AppError('NOT_FOUND', { entity: 'center' });
    return root;
  };

  r.get(
    '/api/calendar/days',
    { schema: { tags, querystring: CalendarYearQuery, response: { 200: CalendarYearView, ...errors } } },
    async (req) => {
      const actor = requireStaff(req);
      return yearView(app.db, actor, req.query.centerId ?? actor.centerId, req.query.year);
    },
  );
  r.put(
    '/api/calendar/days/:date',
    {
      schema: {
        tags,
        params: DayParams,
        querystring: CenterQuery,
        body: DaySetBody,
        response: { 200: CalendarDayView, ...errors },
      },
    },
    async (req) => {
      const c = ctx(req);
      return app.db.transaction((tx) => edit.setDay(tx, c, req.query.centerId, req.params.date, req.body));
    },
  );
  r.delete(
    '/api/calendar/days/:date',
    {
      schema: {
        tags,
        params: DayParams,
        querystring: CenterQuery,
        response: { 200: CalendarDayView, ...errors },
      },
    },
    async (req) => {
      const c = ctx(req);
      return app.db.transaction((tx) => edit.resetDay(tx, c, req.query.centerId, req.params.date));
    },
  );

  r.post(
    '/api/calendar/years/:year',
    {
      schema: {
        tags,
        params: YearParams,
        querystring: CenterQuery,
        body: YearScheduleBody,
        response: { 200: YearChangeView, ...errors },
      },
    },
    async (req) => {
      const c = ctx(req);
      return app.db.transaction((tx) => edit.enterYear(tx, c, req.query.centerId, req.params.year, req.body));
    },
  );
  r.post(
    '/api/calendar/years/:year/copy',
    {
      schema: {
        tags,
        params: YearParams,
        querystring: CenterQuery,
        response: { 200: YearChangeView, ...errors },
      },
    },
    async (req) => {
      const c = ctx(req);
      return app.db.transaction((tx) => edit.copyYear(tx, c, req.query.centerId, req.params.year));
    },
  );
  r.delete(
    '/api/calendar/years/:year',
    {
      schema: {
        tags,
        params: YearParams,
        querystring: CenterQuery,
        response: { 200: YearChangeView, ...errors },
      },
    },
    async (req) => {
      const c = ctx(req);
      return app.db.transaction((tx) => edit.resetYear(tx, c, req.query.centerId, req.params.year));
    },
  );

  r.get(
    '/api/calendar/hours',
    { schema: { tags, querystring: OptionalCenterQuery, response: { 200: HoursView, ...errors } } },
    async (req) => {
      const actor = requireStaff(req);
      return hoursView(app.db, actor, await requireChain(app.db, req.query.centerId ?? actor.centerId));
    },
  );
  r.put(
    '/api/calendar/hours',
    {
      schema: { tags, querystring: CenterQuery, body: HoursBody, response: { 200: HoursView, ...errors } },
    },
    async (req) => {
      const c = ctx(req);
      return app.db.transaction((tx) => edit.setHours(tx, c, req.query.centerId, req.body.hours));
    },
  );

  // ---------------------------------------------------------------- public (no login needed)
  r.post(
    '/api/calendar/deadline',
    {
      config: publicRateLimit,
      schema: { tags: [...tags, 'public'], body: DeadlineBody, response: { 200: DeadlineView, ...errors } },
    },
    async (req) =>
      calculateDeadline(app.db, await centerOf(req, req.body.centerId), req.body, requestLang(req)),
  );
  r.get(
    '/api/calendar/workdays',
    {
      config: publicRateLimit,
      schema: {
        tags: [...tags, 'public'],
        querystring: WorkdaysQuery,
        response: { 200: WorkdaysView, ...errors },
      },
    },
    async (req) =>
      countWorkdays(app.db, await centerOf(req, req.query.centerId), req.query.from, req.query.to),
  );
  r.get(
    '/api/calendar/centers',
    {
      config: publicRateLimit,
      schema: { tags: [...tags, 'public'], response: { 200: z.array(PublicCenterView), ...errors } },
    },
    async () =>
      (await repo.listAllCenters(app.db)).map((c) => ({
        id: c.id,
        name: c.name,
        level: c.level,
        parentId: c.parent_id,
      })),
  );
}
