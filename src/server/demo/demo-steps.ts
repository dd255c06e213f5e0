import type { Queryable } from '../db/db';
import type { DemoContext } from './demo.loader';

export type DemoStep = (tx: Queryable, ctx: DemoContext) => Promise<void>;

/** Demo data of each feature, loaded after the organisation, in this order. One line per feature. */
export const demoSteps: DemoStep[] = [];
