import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { migrate } from '../db/migrate';
import { openPglite } from '../db/pglite';
import { openPostgres } from '../db/postgres';
import { loadDemoData } from '../demo/demo.loader';
import { startPgCluster, type PgCluster } from './pg-cluster';
import { TEST_NOW } from './test-now';

export type TestDbKind = 'pglite' | 'postgres';

declare module 'vitest' {
  export interface ProvidedContext {
    dbKind: TestDbKind;
    pgTemplateUrl: string;
    pgliteTemplate: string;
  }
}

/**
 * Once per integration run: build a template database (migrated + demo data) that every test file
 * copies, so each file starts from a fresh, identical database in well under a second. On PostgreSQL
 * the suite starts its own throwaway cluster; on PGlite the template is a data-dir dump.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const kind: TestDbKind = process.env.ONEWINDOW_TEST_DB === 'postgres' ? 'postgres' : 'pglite';
  project.provide('dbKind', kind);
  let cluster: PgCluster | undefined;
  if (kind === 'postgres') {
    cluster = await startPgCluster();
    const admin = await openPostgres(cluster.url());
    await admin.query('CREATE DATABASE ow_template');
    await admin.close();
    const db = await openPostgres(cluster.url('ow_template'));
    await migrate(db);
    await loadDemoData(db, TEST_NOW);
    await db.close();
    project.provide('pgTemplateUrl', cluster.url('ow_template'));
    project.provide('pgliteTemplate', '');
  } else {
    const db = await openPglite(undefined);
    await migrate(db);
    await loadDemoData(db, TEST_NOW);
    const blob = await db.dump();
    await db.close();
    const dir = join(process.cwd(), '.tmp');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, `pglite-template-${process.pid}.tar`);
    writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
    project.provide('pgliteTemplate', file);
    project.provide('pgTemplateUrl', '');
  }
  return async () => {
    cluster?.stop();
  };
}
