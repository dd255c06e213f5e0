import type { Queryable } from '../db/db';
import type { DemoContext } from '../demo/demo-context';
import { defaultRules } from './supervision.defaults';
import { upsertCenterRule } from './rules.repository';

/** The demo county gets the default rule set; townships and villages inherit it (see rules.repository.ts). */
export async function supervisionDemoStep(tx: Queryable, ctx: DemoContext): Promise<void> {
  const roots = await tx.query<{ id: string }>('SELECT id FROM centers WHERE parent_id IS NULL');
  for (const root of roots) {
    for (const rule of Object.values(defaultRules)) {
      await upsertCenterRule(tx, root.id, { ...rule, note: '' }, '系统初始化', ctx.now);
    }
  }
}
