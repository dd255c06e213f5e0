import { z } from 'zod';

/**
 * Catalog import/export (xlsx and JSON). An import is validated row by row; the report names every
 * rejected cell (sheet, row, column, reason). Nothing is written unless the file is clean (`commit`)
 * or the user explicitly accepts the valid part (`commit_valid`); `validate` only reports. Imported
 * items become drafts (new items, or a new version of an item with the same 实施编码) that then go
 * through the review workflow.
 */
export const ImportMode = z.enum(['validate', 'commit', 'commit_valid']);
export type ImportMode = z.infer<typeof ImportMode>;
export const ImportFormat = z.enum(['xlsx', 'json']);
export type ImportFormat = z.infer<typeof ImportFormat>;

export const ImportQuery = z.object({
  centerId: z.uuid(),
  mode: ImportMode.default('validate'),
  format: ImportFormat.optional(),
  campaignId: z.uuid().optional(),
});

export const ImportIssue = z.object({
  sheet: z.string(),
  /** 1-based row number as the spreadsheet shows it (the header is row 1); for JSON, the item's position. */
  row: z.number().int(),
  column: z.string(),
  reason: z.string(),
});
export type ImportIssue = z.infer<typeof ImportIssue>;

export const ImportItemOutcome = z.enum(['create', 'new_version', 'rejected', 'blocked']);
export const ImportReport = z.object({
  mode: ImportMode,
  format: ImportFormat,
  committed: z.boolean(),
  totalItems: z.number(),
  validItems: z.number(),
  importedItems: z.number(),
  rejected: z.array(ImportIssue),
  items: z.array(
    z.object({
      row: z.number(),
      implCode: z.string(),
      name: z.string(),
      /** rejected = its own row has errors; blocked = one of its material/step/fee rows has. */
      outcome: ImportItemOutcome,
    }),
  ),
});
export type ImportReport = z.infer<typeof ImportReport>;

export const ExportQuery = z.object({ centerId: z.uuid().optional(), format: ImportFormat.default('xlsx') });

/** The JSON exchange document: what `export?format=json` writes and `import` reads. */
export const CATALOG_JSON_FORMAT = 'onewindow-catalog';
