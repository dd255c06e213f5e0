import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors';
import { ErrorBody, IdParams } from '../../shared/contracts/common';
import {
  AccountUpdate,
  CenterCreate,
  CenterScopedQuery,
  CenterUpdate,
  CenterView,
  DepartmentCreate,
  DepartmentUpdate,
  DepartmentView,
  StaffCreate,
  StaffUpdate,
  StaffView,
  WindowCreate,
  WindowUpdate,
  WindowView,
} from '../../shared/contracts/org';
import { sessionsChanged } from '../auth/session';
import { requireStaff } from '../http/actor';
import { presentCenter, presentDepartment, presentStaff, presentWindow } from './org.presenter';
import * as repo from './org.repository';
import * as svc from './org.service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };

/** Organisation: any staff member reads their scope; administrators change it (audited). */
export async function orgRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['org'];
  const ctx = (req: Parameters<typeof requireStaff>[0]) => ({
    actor: requireStaff(req, 'admin'),
    now: app.clock.now(),
  });

  r.get(
    '/api/org/centers',
    { schema: { tags, response: { 200: z.array(CenterView), ...errors } } },
    async (req) => {
      const actor = requireStaff(req);
      return (await repo.listCenters(app.db, actor.centerPath)).map(presentCenter);
    },
  );
  r.post(
    '/api/org/centers',
    { schema: { tags, body: CenterCreate, response: { 201: CenterView, ...errors } } },
    async (req, reply) => {
      const c = ctx(req);
      const row = await app.db.transaction((tx) => svc.createCenter(tx, c, req.body));
      return reply.code(201).send(presentCenter(row));
    },
  );
  r.patch(
    '/api/org/centers/:id',
    { schema: { tags, params: IdParams, body: CenterUpdate, response: { 200: CenterView, ...errors } } },
    async (req) => {
      const c = ctx(req);
      return presentCenter(
        await app.db.transaction((tx) => svc.updateCenter(tx, c, req.params.id, req.body)),
      );
    },
  );

  r.get(
    '/api/org/departments',
    {
      schema: { tags, querystring: CenterScopedQuery, response: { 200: z.array(DepartmentView), ...errors } },
    },
    async (req) => {
      const actor = requireStaff(req);
      return (await repo.listDepartments(app.db, actor.centerPath, req.query.centerId)).map(
        presentDepartment,
      );
    },
  );
  r.post(
    '/api/org/departments',
    { schema: { tags, body: DepartmentCreate, response: { 201: DepartmentView, ...errors } } },
    async (req, reply) => {
      const c = ctx(req);
      const row = await app.db.transaction((tx) => svc.createDepartment(tx, c, req.body));
      return reply.code(201).send(presentDepartment(row));
    },
  );
  r.patch(
    '/api/org/departments/:id',
    {
      schema: {
        tags,
        params: IdParams,
        body: DepartmentUpdate,
        response: { 200: DepartmentView, ...errors },
      },
    },
    async (req) => {
      const c = ctx(req);
      return presentDepartment(
        await app.db.transaction((tx) => svc.updateDepartment(tx, c, req.params.id, req.body)),
      );
    },
  );

  r.get(
    '/api/org/windows',
    { schema: { tags, querystring: CenterScopedQuery, response: { 200: z.array(WindowView), ...errors } } },
    async (req) => {
      const actor = requireStaff(req);
      return (await repo.listWindows(app.db, actor.centerPath, req.query.centerId)).map(presentWindow);
    },
  );
  r.post(
    '/api/org/windows',
    { schema: { tags, body: WindowCreate, response: { 201: WindowView, ...errors } } },
    async (req, reply) => {
      const c = ctx(req);
      const row = await app.db.transaction((tx) => svc.createWindow(tx, c, req.body));
      return reply.code(201).send(presentWindow(row));
    },
  );
  r.patch(
    '/api/org/windows/:id',
    { schema: { tags, params: IdParams, body: WindowUpdate, response: { 200: WindowView, ...errors } } },
    async (req) => {
      const c = ctx(req);
      return presentWindow(
        await app.db.transaction((tx) => svc.updateWindow(tx, c, req.params.id, req.body)),
      );
    },
  );

  r.get(
    '/api/org/staff',
    { schema: { tags, querystring: CenterScopedQuery, response: { 200: z.array(StaffView), ...errors } } },
    async (req) => {
      const actor = requireStaff(req);
      return (await repo.listStaff(app.db, actor.centerPath, req.query.centerId)).map(presentStaff);
    },
  );
  r.get(
    '/api/org/staff/:id',
    { schema: { tags, params: IdParams, response: { 200: StaffView, ...errors } } },
    async (req) => {
      const actor = requireStaff(req);
      const row = await repo.findStaff(app.db, actor.centerPath, req.params.id);
      if (!row) throw new AppError('NOT_FOUND', { entity: 'staff' });
      return presentStaff(row);
    },
  );
  r.post(
    '/api/org/staff',
    { schema: { tags, body: StaffCreate, response: { 201: StaffView, ...errors } } },
    async (req, reply) => {
      const c = ctx(req);
      const row = await app.db.transaction((tx) => svc.createStaff(tx, c, req.body));
      return reply.code(201).send(presentStaff(row));
    },
  );
  r.patch(
    '/api/org/staff/:id',
    { schema: { tags, params: IdParams, body: StaffUpdate, response: { 200: StaffView, ...errors } } },
    async (req) => {
      const c = ctx(req);
      const row = await app.db.transaction((tx) => svc.updateStaff(tx, c, req.params.id, req.body));
      // A staff member's department is part of their signed-in identity.
      await sessionsChanged(app);
      return presentStaff(row);
    },
  );
  r.patch(
    '/api/org/staff/:id/account',
    { schema: { tags, params: IdParams, body: AccountUpdate, response: { 200: StaffView, ...errors } } },
    async (req) => {
      const c = ctx(req);
      const row = await app.db.transaction((tx) => svc.updateAccount(tx, c, req.params.id, req.body));
      await sessionsChanged(app);
      return presentStaff(row);
    },
  );
}
