import { createHash } from 'node:crypto';
import { AppError } from '../../domain/errors';
import type { ItemContent } from '../../shared/contracts/catalog';
import type { Queryable } from '../db/db';
import { maybeOne } from '../db/db';
import * as org from '../org/org.repository';
import type { Ctx } from './catalog.service';

/**
 * Blank forms and samples of materials (空白表格 / 示例样表). Files are stored in the database (one
 * backup holds everything) and become public once a published version references them; until then
 * only staff of the center read them.
 */
export const FILE_LIMIT_BYTES = 5 * 1024 * 1024;

/** What a center may attach: documents and images, recognised by their first bytes, not their name. */
function sniff(bytes: Buffer): string | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (bytes.readUInt32BE(0) === 0x89504e47) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  // docx / xlsx are zip archives; doc / xls are OLE compound files.
  if (bytes.readUInt32LE(0) === 0x04034b50) return 'application/zip';
  if (bytes.readUInt32BE(0) === 0xd0cf11e0) return 'application/x-ole-storage';
  return null;
}

const OFFICE_TYPES: Record<string, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  doc: 'application/msword',
  xls: 'application/vnd.ms-excel',
};

export interface FileRow {
  id: string;
  center_id: string;
  name: string;
  mime: string;
  size: number;
}

export async function storeFile(
  q: Queryable,
  ctx: Ctx,
  p: { centerId: string; name: string; bytes: Buffer },
): Promise<FileRow> {
  if (!(await org.findCenter(q, ctx.actor.centerPath, p.centerId)))
    throw new AppError('NOT_FOUND', { entity: 'center' });
  const kind = p.bytes.length >= 8 ? sniff(p.bytes) : null;
  const ext = p.name.split('.').pop()?.toLowerCase() ?? '';
  const mime = kind === 'application/zip' || kind === 'application/x-ole-storage' ? OFFICE_TYPES[ext] : kind;
  if (!mime) throw new AppError('CATALOG_FILE_TYPE');
  const [row] = await q.query<FileRow>(
    `INSERT INTO catalog_files (center_id, name, mime, size, sha256, content, created_by_name, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id, center_id, name, mime, size`,
    [
      p.centerId,
      p.name.slice(0, 200),
      mime,
      p.bytes.length,
      createHash('sha256').update(p.bytes).digest('hex'),
      p.bytes,
      ctx.actor.displayName,
      ctx.now,
    ],
  );
  return row!;
}

/** A file for staff of its center's scope. */
export const findFileForStaff = (q: Queryable, scopePath: string, id: string) =>
  maybeOne<FileRow & { content: Uint8Array }>(
    q,
    `SELECT f.id, f.center_id, f.name, f.mime, f.size, f.content FROM catalog_files f JOIN centers c ON c.id = f.center_id
     WHERE f.id = $2 AND c.path LIKE $1 || '%'`,
    [scopePath, id],
  );

/** A file for the public: only when a published version references it. */
export const findPublicFile = (q: Queryable, id: string) =>
  maybeOne<FileRow & { content: Uint8Array }>(
    q,
    `SELECT f.id, f.center_id, f.name, f.mime, f.size, f.content FROM catalog_files f
     WHERE f.id = $1 AND EXISTS (
       SELECT 1 FROM item_versions v WHERE v.center_id = f.center_id AND v.status = 'published'
         AND (v.materials @> jsonb_build_array(jsonb_build_object('blankFormFileId', f.id::text))
           OR v.materials @> jsonb_build_array(jsonb_build_object('sampleFileId', f.id::text))))`,
    [id],
  );

/** The files a version's materials point at exist in the item's center. */
export async function assertFilesOf(q: Queryable, centerId: string, content: ItemContent): Promise<void> {
  const refs = content.materials.flatMap((m, i) => [
    ...(m.blankFormFileId
      ? [{ id: m.blankFormFileId, field: `content.materials.${i}.blankFormFileId` }]
      : []),
    ...(m.sampleFileId ? [{ id: m.sampleFileId, field: `content.materials.${i}.sampleFileId` }] : []),
  ]);
  if (refs.length === 0) return;
  const found = new Set(
    (
      await q.query<{ id: string }>(
        'SELECT id FROM catalog_files WHERE center_id = $1 AND id = ANY($2::uuid[])',
        [centerId, refs.map((r) => r.id)],
      )
    ).map((r) => r.id),
  );
  const missing = refs.find((r) => !found.has(r.id));
  if (missing) throw new AppError('VALIDATION_FAILED', {}, { [missing.field]: 'rule.same_center' });
}
