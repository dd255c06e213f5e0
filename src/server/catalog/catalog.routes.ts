import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, IdParams, Ok } from '../../shared/contracts/common';
import {
  CommentBody,
  HistoryEntry,
  ItemCreate,
  ItemDetail,
  ItemIdentityUpdate,
  ItemList,
  ItemListQuery,
  ItemTypeView,
  ItemVersionDetail,
  ItemVersionView,
  ReviewEntry,
  VersionActionBody,
  VersionCreate,
  VersionUpdate,
} from '../../shared/contracts/catalog';
import { itemTypeInfo } from '../../shared/contracts/catalog-labels';
import { requireStaff } from '../http/actor';
import { campaignRoutes } from './campaign.routes';
import * as list from './catalog.list.repository';
import { presentEvent, presentSummary, presentVersion } from './catalog.presenter';
import * as repo from './catalog.repository';
import * as svc from './catalog.service';
import * as flow from './catalog.workflow.service';
import { fileRoutes } from './files.routes';
import { importExportRoutes } from './import/import.routes';
import { publicCatalogRoutes } from './public.routes';
import { skillsRoutes } from './skills.routes';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** The service catalog: staff read their scope, administrators edit, department reviewers review. */
export async function catalogRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['catalog'];
  const admin = (req: Parameters<typeof requireStaff>[0]) => ({
    actor: requireStaff(req, 'admin'),
    now: app.clock.now(),
  });
  const staff = (req: Parameters<typeof requireStaff>[0]) => ({
    actor: requireStaff(req),
    now: app.clock.now(),
  });

  r.get(
    '/api/catalog/item-types',
    { schema: { tags, response: { 200: z.array(ItemTypeView), ...errors } } },
    async (req) => {
      requireStaff(req);
      return Object.entries(itemTypeInfo).map(([id, t]) => ({
        id: id as keyof typeof itemTypeInfo,
        nameZh: t.zh,
        nameEn: t.en,
        gbCode: t.gb,
        provincialCode: t.provincial,
      }));
    },
  );

  r.get(
    '/api/catalog/items',
    { schema: { tags, querystring: ItemListQuery, response: { 200: ItemList, ...errors } } },
    async (req) => {
      const { actor, now } = staff(req);
      const { page, pageSize, ...f } = req.query;
      const res = await list.listItems(app.db, {
        ...f,
        scopePath: actor.centerPath,
        today: svc.civilDay(now),
        limit: pageSize,
        offset: (page - 1) * pageSize,
      });
      return { items: res.rows.map(presentSummary), total: res.total };
    },
  );

  r.post(
    '/api/catalog/items',
    { schema: { tags, body: ItemCreate, response: { 201: ItemVersionView, ...errors } } },
    async (req, reply) => {
      const c = admin(req);
      const v = await app.db.transaction((tx) => svc.createItem(tx, c, req.body));
      return reply.code(201).send(presentVersion(v));
    },
  );

  r.get(
    '/api/catalog/items/:id',
    { schema: { tags, params: IdParams, response: { 200: ItemDetail, ...errors } } },
    async (req) => {
      const { actor, now } = staff(req);
      const item = await svc.requireItem(app.db, actor, req.params.id);
      const res = await list.listItems(app.db, {
        scopePath: actor.centerPath,
        today: svc.civilDay(now),
        centerId: item.center_id,
        limit: 1,
        offset: 0,
        itemId: item.id,
      });
      const versions = await repo.listVersions(app.db, item.id);
      return {
        item: presentSummary(res.rows[0]!),
        versions: versions.map((v) => ({
          id: v.id,
          versionNo: v.version_no,
          status: v.status,
          effectiveFrom: v.effective_from,
          changeNote: v.change_note,
          approvedByName: v.approved_by_name,
          publishedAt: v.published_at ? new Date(v.published_at).toISOString() : null,
        })),
      };
    },
  );

  r.patch(
    '/api/catalog/items/:id',
    { schema: { tags, params: IdParams, body: ItemIdentityUpdate, response: { 200: Ok, ...errors } } },
    async (req) => {
      const c = admin(req);
      await app.db.transaction((tx) => svc.updateItemIdentity(tx, c, req.params.id, req.body));
      return { ok: true as const };
    },
  );

  r.get(
    '/api/catalog/items/:id/history',
    { schema: { tags, params: IdParams, response: { 200: z.array(HistoryEntry), ...errors } } },
    async (req) => svc.itemHistory(app.db, staff(req).actor, req.params.id),
  );

  r.post(
    '/api/catalog/items/:id/versions',
    {
      schema: { tags, params: IdParams, body: VersionCreate, response: { 201: ItemVersionView, ...errors } },
    },
    async (req, reply) => {
      const c = admin(req);
      const v = await app.db.transaction((tx) => svc.createVersion(tx, c, req.params.id, req.body));
      return reply.code(201).send(presentVersion(v));
    },
  );

  r.get(
    '/api/catalog/versions/:id',
    { schema: { tags, params: IdParams, response: { 200: ItemVersionDetail, ...errors } } },
    async (req) => {
      const v = await svc.requireVersion(app.db, staff(req).actor, req.params.id);
      const events = await repo.listEvents(app.db, v.id);
      return { ...presentVersion(v), events: events.map(presentEvent) };
    },
  );

  r.put(
    '/api/catalog/versions/:id',
    {
      schema: { tags, params: IdParams, body: VersionUpdate, response: { 200: ItemVersionView, ...errors } },
    },
    async (req) => {
      const c = admin(req);
      return presentVersion(
        await app.db.transaction((tx) => svc.updateDraft(tx, c, req.params.id, req.body)),
      );
    },
  );

  r.post(
    '/api/catalog/versions/:id/actions',
    {
      schema: {
        tags,
        params: IdParams,
        body: VersionActionBody,
        response: { 200: ItemVersionView, ...errors },
      },
    },
    async (req) => {
      const c = staff(req);
      return presentVersion(
        await app.db.transaction((tx) => flow.actOnVersion(tx, c, req.params.id, req.body)),
      );
    },
  );

  r.post(
    '/api/catalog/versions/:id/comments',
    { schema: { tags, params: IdParams, body: CommentBody, response: { 201: Ok, ...errors } } },
    async (req, reply) => {
      const c = staff(req);
      await app.db.transaction((tx) => flow.commentOnVersion(tx, c, req.params.id, req.body.comment));
      return reply.code(201).send({ ok: true as const });
    },
  );

  r.get(
    '/api/catalog/reviews',
    { schema: { tags, response: { 200: z.array(ReviewEntry), ...errors } } },
    async (req) => {
      const rows = await flow.listReviews(app.db, staff(req).actor);
      return rows.map((x) => ({
        versionId: x.version_id,
        itemId: x.item_id,
        versionNo: x.version_no,
        status: x.status,
        name: x.name,
        departmentName: x.department_name,
        implCode: x.impl_code,
        submittedAt: x.submitted_at ? new Date(x.submitted_at).toISOString() : null,
        campaignName: x.campaign_name,
      }));
    },
  );

  await app.register(skillsRoutes);
  await app.register(campaignRoutes);
  await app.register(importExportRoutes);
  await app.register(fileRoutes);
  await app.register(publicCatalogRoutes);
}
