import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors';
import { ErrorBody, IsoInstant } from '../../shared/contracts/common';
import { requireActor } from '../http/actor';
import { ManualClock } from './clock';

const ClockView = z.object({ now: z.string(), manual: z.boolean() });
const SetClockBody = z
  .object({
    now: IsoInstant.optional(),
    advanceMinutes: z.number().int().min(1).max(525_600).optional(),
    freeze: z.boolean().optional(),
  })
  .refine((b) => (b.now === undefined) !== (b.advanceMinutes === undefined), {
    message: 'rule.now_or_advance',
    path: ['now'],
  });

/**
 * The training/demo/test clock. Only present with ONEWINDOW_CLOCK=manual (refused in production by
 * the config); setting it is for administrators.
 */
export async function clockRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const clock = app.clock;
  const manual = app.config.clock === 'manual' && clock instanceof ManualClock ? clock : null;

  r.get(
    '/api/dev/clock',
    { schema: { tags: ['dev'], response: { 200: ClockView, 404: ErrorBody } } },
    async () => {
      if (!manual) throw new AppError('DEV_CLOCK_DISABLED');
      return { now: manual.now().toISOString(), manual: true };
    },
  );

  r.post(
    '/api/dev/clock',
    { schema: { tags: ['dev'], body: SetClockBody, response: { 200: ClockView, 404: ErrorBody } } },
    async (req) => {
      if (!manual) throw new AppError('DEV_CLOCK_DISABLED');
      requireActor(req, 'admin');
      if (req.body.now) manual.set(new Date(req.body.now), { freeze: req.body.freeze ?? false });
      else manual.advance((req.body.advanceMinutes ?? 0) * 60_000);
      return { now: manual.now().toISOString(), manual: true };
    },
  );
}
