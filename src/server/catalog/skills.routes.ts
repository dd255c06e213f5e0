import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IdParams } from '../../shared/contracts/common';
import { Assignments, AssignmentsView, SkillsQuery, SkillsRow } from '../../shared/contracts/catalog';
import { requireStaff } from '../http/actor';
import * as skills from './catalog.skills';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/** The 全岗通 matrix: staff read it, administrators edit it per item. */
export async function skillsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['catalog'];

  r.get(
    '/api/catalog/items/:id/assignments',
    { schema: { tags, params: IdParams, response: { 200: AssignmentsView, ...errors } } },
    async (req) => skills.getAssignments(app.db, requireStaff(req), req.params.id),
  );

  r.put(
    '/api/catalog/items/:id/assignments',
    { schema: { tags, params: IdParams, body: Assignments, response: { 200: AssignmentsView, ...errors } } },
    async (req) => {
      const ctx = { actor: requireStaff(req, 'admin'), now: app.clock.now() };
      return app.db.transaction((tx) => skills.setAssignments(tx, ctx, req.params.id, req.body));
    },
  );

  r.get(
    '/api/catalog/skills',
    { schema: { tags, querystring: SkillsQuery, response: { 200: z.array(SkillsRow), ...errors } } },
    async (req) => {
      const actor = requireStaff(req);
      const rows = await skills.skillsMatrix(app.db, actor.centerPath, req.query.centerId ?? actor.centerId);
      return rows.map((x) => ({
        itemId: x.item_id,
        name: x.name,
        implCode: x.impl_code,
        departmentName: x.department_name,
        windowIds: x.window_ids,
        staffIds: x.staff_ids,
      }));
    },
  );
}
