import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { nextRound } from '../../domain/evaluation';
import { AppError } from '../../domain/errors';
import { ErrorBody } from '../../shared/contracts/common';
import {
  DeviceView,
  EvaluationReceipt,
  EvaluationSubmit,
  InvitationView,
  PromptResponse,
  PublicFigures,
  PublicFiguresQuery,
  PublicRectificationView,
  RectificationRating,
} from '../../shared/contracts/evaluation';
import { monthOf } from '../../domain/evaluation';
import * as repo from './evaluation.repository';
import { submitByToken } from './evaluation.service';
import { devicePrompt, officerAtWindow, officerById } from './invitations.service';
import { presentOfficer } from './evaluation.presenter';
import { findRectificationByInvitation } from './rectification.repository';
import { rateRectificationByToken } from './rectification.service';
import { loadPolicies } from './settings.service';
import { publicFigures, resolveScope } from './stats.service';

const errors = { 400: ErrorBody, 404: ErrorBody, 409: ErrorBody, 429: ErrorBody };
const KeyParams = z.object({ key: z.string().min(8).max(100) });
const TokenParams = z.object({ token: z.string().min(8).max(100) });
/** Per token or device, not per address: a hall's 200 tablets may share one address behind NAT. */
const limitBy = (param: 'key' | 'token', max: number) => ({
  rateLimit: {
    max,
    timeWindow: '1 minute',
    keyGenerator: (req: FastifyRequest) =>
      `${param}:${(req.params as Record<string, string>)[param] ?? req.ip}`,
  },
});

/**
 * The applicant's side of evaluation, without an account: the window evaluator tablet (its device
 * key), the evaluation link (QR code, SMS: the invitation token) and the published figures.
 */
export async function evaluationPublicRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['evaluation-public'];

  async function device(key: string) {
    const d = await repo.findDeviceByKey(app.db, key);
    if (!d) throw new AppError('EVALUATION_DEVICE_UNKNOWN');
    return d;
  }

  r.get(
    '/api/evaluation/device/:key',
    {
      schema: { tags, params: KeyParams, response: { 200: DeviceView, ...errors } },
      config: limitBy('key', 120),
    },
    async (req) => {
      const d = await device(req.params.key);
      const [w] = await app.db.query<{ id: string; number: string; name: string; center_name: string }>(
        `SELECT w.id, w.number, w.name, c.name AS center_name FROM windows w JOIN centers c ON c.id = w.center_id
         WHERE w.id = $1`,
        [d.window_id],
      );
      const policies = await loadPolicies(app.db, d.center_id);
      return {
        centerName: w!.center_name,
        window: { id: w!.id, number: w!.number, name: w!.name },
        officer: presentOfficer(await officerAtWindow(app.db, d.window_id)),
        badReviewTagRequired: policies.evaluation.badReviewTagRequired,
      };
    },
  );

  r.get(
    '/api/evaluation/device/:key/prompt',
    {
      schema: {
        tags,
        params: KeyParams,
        description:
          'Polled by the window evaluator every few seconds: the service that just ended at its window.',
        response: { 200: PromptResponse, ...errors },
      },
      config: limitBy('key', 120),
    },
    async (req) => {
      const d = await device(req.params.key);
      const now = app.clock.now();
      const inv = await app.db.transaction(async (tx) => {
        await repo.touchDevice(tx, d.id, now);
        return devicePrompt(tx, d, now);
      });
      if (!inv) return { prompt: null };
      return {
        prompt: {
          token: inv.token,
          subjectLabel: inv.subject_label,
          itemName: inv.item_name,
          endedAt: inv.ended_at.toISOString(),
          officer: presentOfficer(await officerById(app.db, inv.staff_id)),
        },
      };
    },
  );

  r.post(
    '/api/evaluation/device/:key/dismiss/:token',
    {
      schema: {
        tags,
        params: KeyParams.extend(TokenParams.shape),
        response: { 200: z.object({ ok: z.literal(true) }), ...errors },
      },
      config: limitBy('key', 60),
    },
    async (req) => {
      const d = await device(req.params.key);
      await app.db.transaction(async (tx) => {
        const inv = await repo.findInvitationByToken(tx, req.params.token, true);
        if (!inv || inv.window_id !== d.window_id) throw new AppError('EVALUATION_INVITATION_INVALID');
        await repo.dismissInvitation(tx, inv.id, app.clock.now());
      });
      return { ok: true as const };
    },
  );

  r.get(
    '/api/evaluation/invitations/:token',
    {
      schema: { tags, params: TokenParams, response: { 200: InvitationView, ...errors } },
      config: limitBy('token', 60),
    },
    async (req) => {
      const inv = await repo.findInvitationByToken(app.db, req.params.token);
      if (!inv) throw new AppError('EVALUATION_INVITATION_INVALID');
      const now = app.clock.now();
      const given = await repo.evaluationsOfInvitation(app.db, inv.id);
      const expired = now > inv.expires_at;
      const [meta] = await app.db.query<{ center_name: string; window_number: string | null }>(
        `SELECT c.name AS center_name, w.number AS window_number FROM centers c
         LEFT JOIN windows w ON w.id = $2 WHERE c.id = $1`,
        [inv.center_id, inv.window_id],
      );
      const policies = await loadPolicies(app.db, inv.center_id);
      const round =
        given.length >= 2 || expired
          ? null
          : nextRound(given.map((g) => ({ round: g.round, at: g.created_at })));
      return {
        centerName: meta?.center_name ?? '',
        subjectLabel: inv.subject_label,
        itemName: inv.item_name,
        windowNumber: meta?.window_number ?? null,
        officer: presentOfficer(await officerById(app.db, inv.staff_id)),
        endedAt: inv.ended_at.toISOString(),
        expired,
        nextRound: round,
        given: given.map((g) => ({
          round: g.round,
          level: g.level,
          at: g.created_at.toISOString(),
          isDefault: g.is_default,
        })),
        badReviewTagRequired: policies.evaluation.badReviewTagRequired,
      };
    },
  );

  r.post(
    '/api/evaluation/invitations/:token/evaluations',
    {
      schema: {
        tags,
        params: TokenParams,
        body: EvaluationSubmit,
        description:
          'Submit an evaluation through a link or the window evaluator. The first submission of a subject is its first evaluation; one follow-up (追评) may follow.',
        response: { 201: EvaluationReceipt, ...errors, 413: ErrorBody },
      },
      config: limitBy('token', 20),
    },
    async (req, reply) => {
      const now = app.clock.now();
      const res = await app.db.transaction((tx) => submitByToken(tx, req.params.token, req.body, now));
      return reply.code(201).send({
        id: res.evaluation.id,
        round: res.evaluation.round,
        level: res.evaluation.level,
        rectificationOpened: res.rectificationId !== null,
      });
    },
  );

  r.get(
    '/api/evaluation/invitations/:token/rectification',
    {
      schema: {
        tags,
        params: TokenParams,
        response: { 200: z.object({ rectification: PublicRectificationView.nullable() }), ...errors },
      },
      config: limitBy('token', 60),
    },
    async (req) => {
      const inv = await repo.findInvitationByToken(app.db, req.params.token);
      if (!inv) throw new AppError('EVALUATION_INVITATION_INVALID');
      const rect = await findRectificationByInvitation(app.db, inv.id);
      if (!rect) return { rectification: null };
      return {
        rectification: {
          status: rect.status,
          decision: rect.decision,
          feedback: rect.status === 'explained' ? rect.decision_text : rect.feedback,
          canRate: rect.status === 'rectified' || rect.status === 'explained',
          applicantRating: rect.applicant_rating,
        },
      };
    },
  );

  r.post(
    '/api/evaluation/invitations/:token/rectification/rate',
    {
      schema: {
        tags,
        params: TokenParams,
        body: z.object({ rating: RectificationRating }),
        response: { 200: z.object({ ok: z.literal(true) }), ...errors },
      },
      config: limitBy('token', 20),
    },
    async (req) => {
      await app.db.transaction((tx) =>
        rateRectificationByToken(tx, req.params.token, req.body.rating, app.clock.now()),
      );
      return { ok: true as const };
    },
  );

  r.get(
    '/api/evaluation/public/departments',
    {
      schema: {
        tags,
        querystring: PublicFiguresQuery,
        description: 'Published satisfaction figures per department of a center (评价结果向社会公开).',
        response: { 200: PublicFigures, ...errors },
      },
      config: { rateLimit: { max: 120, timeWindow: '1 minute' } },
    },
    async (req) => {
      const scope = await resolveScope(app.db, null, req.query.centerId);
      return publicFigures(app.db, scope, req.query.month ?? monthOf(app.clock.now()));
    },
  );
}
