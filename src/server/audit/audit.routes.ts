import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AuditList, AuditQuery } from '../../shared/contracts/audit';
import { ErrorBody } from '../../shared/contracts/common';
import { requireStaff } from '../http/actor';
import { listAudit } from './audit.repository';

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/audit',
    {
      schema: {
        tags: ['audit'],
        querystring: AuditQuery,
        response: { 200: AuditList, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (req) => {
      const actor = requireStaff(req, 'admin', 'supervisor');
      const { page, pageSize, entity, entityId } = req.query;
      const { rows, total } = await listAudit(app.db, {
        centerPath: actor.centerPath,
        entity,
        entityId,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return {
        total,
        items: rows.map((a) => ({
          id: a.id,
          centerId: a.center_id,
          actorName: a.actor_name,
          action: a.action,
          entity: a.entity,
          entityId: a.entity_id,
          before: a.before,
          after: a.after,
          at: new Date(a.at).toISOString(),
        })),
      };
    },
  );
}
