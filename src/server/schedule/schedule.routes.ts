import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { instantOfCivil } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import { ErrorBody, IdParams, Ok } from '../../shared/contracts/common';
import {
  AbsenceBody,
  AbsenceResult,
  AbsenceView,
  CenterQuery,
  DirectoryView,
  HoursRuleBody,
  HoursRuleView,
  MonthQuery,
  RangeQuery,
  RosterMonthView,
  RosterSetBody,
  StandInsView,
  SubstitutionBody,
  SubstitutionView,
} from '../../shared/contracts/schedule';
import { findRootCenterId } from '../calendar/calendar.repository';
import { requireStaff } from '../http/actor';
import { requestLang } from '../http/lang';
import { requireCenter } from '../org/org.service';
import { presentAbsence, presentHoursRule, presentSubstitution } from './schedule.presenter';
import * as repo from './schedule.repository';
import * as svc from './schedule.service';
import { rosterMonth, windowDirectory } from './schedule.views';

const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  422: ErrorBody,
};
const publicRateLimit = { rateLimit: { max: 300, timeWindow: '1 minute' } };

/**
 * Hours exceptions, the duty roster, absences and AB substitutions: staff read them, administrators
 * change them (audited). The window directory and "is this category open" are public (portal, kiosk).
 */
export async function scheduleRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['schedule'];
  const ctx = (req: FastifyRequest): svc.Ctx => ({ actor: requireStaff(req, 'admin'), now: app.clock.now() });
  /** The asked center, checked against the staff actor's scope (default: their own). */
  const scopedCenter = async (req: FastifyRequest, centerId: string | undefined) => {
    const actor = requireStaff(req);
    return (await requireCenter(app.db, actor, centerId ?? actor.centerId)).id;
  };
  const range = (from: string, to: string) => {
    if (to < from) throw new AppError('VALIDATION_FAILED', {}, { to: 'rule.not_before_from' });
    return { from: instantOfCivil(from), to: new Date(instantOfCivil(to).getTime() + 86_400_000) };
  };

  r.get(
    '/api/schedule/hours-rules',
    { schema: { tags, querystring: CenterQuery, response: { 200: z.array(HoursRuleView), ...errors } } },
    async (req) =>
      (await repo.listHoursRules(app.db, await scopedCenter(req, req.query.centerId))).map(presentHoursRule),
  );
  r.post(
    '/api/schedule/hours-rules',
    { schema: { tags, body: HoursRuleBody, response: { 201: HoursRuleView, ...errors } } },
    async (req, reply) => {
      const c = ctx(req);
      const row = await app.db.transaction((tx) => svc.createHoursRule(tx, c, req.body));
      return reply.code(201).send(presentHoursRule(row));
    },
  );
  r.delete(
    '/api/schedule/hours-rules/:id',
    { schema: { tags, params: IdParams, response: { 200: Ok, ...errors } } },
    async (req) => {
      const c = ctx(req);
      await app.db.transaction((tx) => svc.deleteHoursRule(tx, c, req.params.id));
      return { ok: true as const };
    },
  );

  r.get(
    '/api/schedule/roster',
    { schema: { tags, querystring: MonthQuery, response: { 200: RosterMonthView, ...errors } } },
    async (req) => rosterMonth(app.db, await scopedCenter(req, req.query.centerId), req.query.month),
  );
  r.put(
    '/api/schedule/roster',
    { schema: { tags, body: RosterSetBody, response: { 200: Ok, ...errors } } },
    async (req) => {
      const c = ctx(req);
      await app.db.transaction((tx) => svc.setRoster(tx, c, req.body));
      return { ok: true as const };
    },
  );

  r.get(
    '/api/schedule/absences',
    { schema: { tags, querystring: RangeQuery, response: { 200: z.array(AbsenceView), ...errors } } },
    async (req) => {
      const centerId = await scopedCenter(req, req.query.centerId);
      const { from, to } = range(req.query.from, req.query.to);
      const absences = await repo.listAbsences(app.db, centerId, from, to, true);
      const subs = await repo.substitutionsOfAbsences(
        app.db,
        absences.map((a) => a.id),
      );
      return absences.map((a) => presentAbsence(a, subs));
    },
  );
  r.post(
    '/api/schedule/absences',
    { schema: { tags, body: AbsenceBody, response: { 201: AbsenceResult, ...errors } } },
    async (req, reply) => {
      const c = ctx(req);
      const out = await app.db.transaction(async (tx) => {
        const { absenceId, problem } = await svc.createAbsence(tx, c, req.body);
        const a = (await repo.findAbsence(tx, absenceId, c.actor.centerPath))!;
        return {
          absence: presentAbsence(a, await repo.substitutionsOfAbsence(tx, absenceId)),
          substitutionProblem: problem,
        };
      });
      return reply.code(201).send(out);
    },
  );
  r.delete(
    '/api/schedule/absences/:id',
    { schema: { tags, params: IdParams, response: { 200: Ok, ...errors } } },
    async (req) => {
      const c = ctx(req);
      await app.db.transaction((tx) => svc.cancelAbsence(tx, c, req.params.id));
      return { ok: true as const };
    },
  );

  r.get(
    '/api/schedule/substitutions',
    { schema: { tags, querystring: RangeQuery, response: { 200: z.array(SubstitutionView), ...errors } } },
    async (req) => {
      const centerId = await scopedCenter(req, req.query.centerId);
      const { from, to } = range(req.query.from, req.query.to);
      return (await repo.listSubstitutions(app.db, centerId, from, to)).map(presentSubstitution);
    },
  );
  r.post(
    '/api/schedule/substitutions',
    { schema: { tags, body: SubstitutionBody, response: { 201: SubstitutionView, ...errors } } },
    async (req, reply) => {
      const c = ctx(req);
      const row = await app.db.transaction(async (tx) => {
        const id = await svc.createSubstitution(tx, c, req.body);
        return (await repo.findSubstitution(tx, id, c.actor.centerPath))!;
      });
      return reply.code(201).send(presentSubstitution(row));
    },
  );
  r.delete(
    '/api/schedule/substitutions/:id',
    { schema: { tags, params: IdParams, response: { 200: Ok, ...errors } } },
    async (req) => {
      const c = ctx(req);
      await app.db.transaction((tx) => svc.endSubstitution(tx, c, req.params.id));
      return { ok: true as const };
    },
  );

  r.get(
    '/api/schedule/me/stand-ins',
    { schema: { tags, response: { 200: StandInsView, ...errors } } },
    async (req) => {
      const actor = requireStaff(req);
      if (!actor.staffId) return { staffId: null, standsInFor: [] };
      const rows = await repo.standInsAt(app.db, actor.staffId, app.clock.now());
      return {
        staffId: actor.staffId,
        standsInFor: rows.map((s) => ({
          staffId: s.absent_staff_id,
          name: s.absent_name,
          windowId: s.window_id,
          windowNumber: s.window_number,
        })),
      };
    },
  );

  r.get(
    '/api/public/window-directory',
    {
      config: publicRateLimit,
      schema: {
        tags: [...tags, 'public'],
        querystring: CenterQuery,
        response: { 200: DirectoryView, ...errors },
      },
    },
    async (req) => {
      const centerId = req.query.centerId ?? (await findRootCenterId(app.db));
      if (!centerId) throw new AppError('NOT_FOUND', { entity: 'center' });
      return windowDirectory(app.db, centerId, requestLang(req));
    },
  );
}
