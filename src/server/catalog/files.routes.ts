import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../domain/errors';
import { ErrorBody, IdParams } from '../../shared/contracts/common';
import { requireStaff } from '../http/actor';
import { FILE_LIMIT_BYTES, findFileForStaff, findPublicFile, storeFile, type FileRow } from './catalog.files';

const FileView = z.object({ id: z.uuid(), name: z.string(), mime: z.string(), size: z.number() });
const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  413: ErrorBody,
  415: ErrorBody,
};

function send(reply: FastifyReply, f: FileRow & { content: Uint8Array }) {
  return reply
    .type(f.mime)
    .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(f.name)}`)
    .header('x-content-type-options', 'nosniff')
    .send(Buffer.from(f.content));
}

/** Blank forms and samples of materials: upload (admin), read (staff; the public once published). */
export async function fileRoutes(app: FastifyInstance): Promise<void> {
  await app.register(fastifyMultipart, { limits: { fileSize: FILE_LIMIT_BYTES, files: 1, fields: 5 } });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['catalog'];

  r.post(
    '/api/catalog/files',
    {
      schema: {
        tags,
        querystring: z.object({ centerId: z.uuid() }),
        consumes: ['multipart/form-data'],
        response: { 201: FileView, ...errors },
      },
    },
    async (req, reply) => {
      const ctx = { actor: requireStaff(req, 'admin'), now: app.clock.now() };
      let part;
      try {
        part = await req.file();
      } catch {
        throw new AppError('CATALOG_IMPORT_NO_FILE');
      }
      if (!part) throw new AppError('CATALOG_IMPORT_NO_FILE');
      let bytes: Buffer;
      try {
        bytes = await part.toBuffer();
      } catch (e) {
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
          throw new AppError('PAYLOAD_TOO_LARGE', { limit: '5 MB' });
        throw e;
      }
      const row = await app.db.transaction((tx) =>
        storeFile(tx, ctx, { centerId: req.query.centerId, name: part.filename, bytes }),
      );
      return reply.code(201).send({ id: row.id, name: row.name, mime: row.mime, size: row.size });
    },
  );

  r.get('/api/catalog/files/:id', { schema: { tags, params: IdParams } }, async (req, reply) => {
    const f = await findFileForStaff(app.db, requireStaff(req).centerPath, req.params.id);
    if (!f) throw new AppError('NOT_FOUND', { entity: 'file' });
    return send(reply, f);
  });

  r.get('/api/public/files/:id', { schema: { tags: ['public'], params: IdParams } }, async (req, reply) => {
    const f = await findPublicFile(app.db, req.params.id);
    if (!f) throw new AppError('NOT_FOUND', { entity: 'file' });
    return send(reply, f);
  });
}
