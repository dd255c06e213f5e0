import type { Queryable } from '../db/db';

// What a feature's demo step receives. Kept apart from the loader and the step list (which import the
// features) so that each feature's demo depends on this file alone.

export interface DemoContext {
  now: Date;
  centerIds: Map<string, string>;
  departmentIds: Map<string, string>;
  windowIds: Map<string, string>;
  staffIds: Map<string, string>;
  userIds: Map<string, string>;
}

export type DemoStep = (tx: Queryable, ctx: DemoContext) => Promise<void>;
