import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../../domain/errors';
import {
  ExportQuery,
  ImportQuery,
  ImportReport,
  type ImportFormat,
} from '../../../shared/contracts/catalog-import';
import { ErrorBody } from '../../../shared/contracts/common';
import { errorMessage } from '../../../shared/errors';
import { requireStaff } from '../../http/actor';
import { requestLang } from '../../http/lang';
import { civilDay } from '../catalog.service';
import { exportEntries, exportJson, exportXlsx } from './export.service';
import { importCatalog } from './import.service';

/** Largest accepted import file. A 5,000-item workbook is about 2 MB. */
export const IMPORT_LIMIT_BYTES = 10 * 1024 * 1024;
const IMPORT_LIMIT_TEXT = '10 MB';

const errors = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  409: ErrorBody,
  413: ErrorBody,
  415: ErrorBody,
};

/** One uploaded file (multipart/form-data, field `file`), refused whole when over the limit. */
async function uploadedFile(req: FastifyRequest): Promise<{ name: string; bytes: Buffer }> {
  let part;
  try {
    part = await req.file({ limits: { fileSize: IMPORT_LIMIT_BYTES, files: 1 } });
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_INVALID_MULTIPART_CONTENT_TYPE')
      throw new AppError('CATALOG_IMPORT_NO_FILE');
    throw e;
  }
  if (!part) throw new AppError('CATALOG_IMPORT_NO_FILE');
  try {
    return { name: part.filename, bytes: await part.toBuffer() };
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE')
      throw new AppError('PAYLOAD_TOO_LARGE', { limit: IMPORT_LIMIT_TEXT });
    throw e;
  }
}

/** JSON when asked, or when the file says so (name or first byte); otherwise xlsx. */
function formatOf(asked: ImportFormat | undefined, name: string, bytes: Buffer): ImportFormat {
  if (asked) return asked;
  if (/\.json$/i.test(name)) return 'json';
  const first = bytes.toString('utf8', 0, Math.min(bytes.length, 64)).trimStart()[0];
  return first === '{' ? 'json' : 'xlsx';
}

export async function importExportRoutes(app: FastifyInstance): Promise<void> {
  await app.register(fastifyMultipart, { limits: { fileSize: IMPORT_LIMIT_BYTES, files: 1, fields: 10 } });
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['catalog'];

  r.post(
    '/api/catalog/import',
    {
      schema: {
        tags,
        querystring: ImportQuery,
        consumes: ['multipart/form-data'],
        response: { 200: ImportReport, 422: ErrorBody.extend({ report: ImportReport }), ...errors },
      },
    },
    async (req, reply) => {
      const ctx = { actor: requireStaff(req, 'admin'), now: app.clock.now() };
      const file = await uploadedFile(req);
      const lang = requestLang(req);
      const format = formatOf(req.query.format, file.name, file.bytes);
      const report = await importCatalog(app.db, ctx, {
        centerId: req.query.centerId,
        mode: req.query.mode,
        format,
        campaignId: req.query.campaignId ?? null,
        file: file.bytes,
        lang,
      });
      if (req.query.mode === 'commit' && !report.committed && report.rejected.length > 0) {
        const params = { count: new Set(report.rejected.map((i) => `${i.sheet}#${i.row}`)).size };
        return reply.code(422).send({
          error: {
            code: 'CATALOG_IMPORT_REJECTED',
            message: errorMessage('CATALOG_IMPORT_REJECTED', params, lang),
          },
          report,
        });
      }
      return report;
    },
  );

  r.get(
    '/api/catalog/export',
    {
      schema: {
        tags,
        querystring: ExportQuery,
        produces: ['application/json', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      },
    },
    async (req, reply) => {
      const actor = requireStaff(req);
      const now = app.clock.now();
      const data = await exportEntries(app.db, actor, req.query.centerId ?? actor.centerId, civilDay(now));
      const day = civilDay(now);
      if (req.query.format === 'json') {
        return reply
          .type('application/json; charset=utf-8')
          .header('content-disposition', `attachment; filename="catalog-${data.center.code}-${day}.json"`)
          .send(exportJson(data, now));
      }
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="catalog-${data.center.code}-${day}.xlsx"`)
        .send(await exportXlsx(data.items));
    },
  );
}
