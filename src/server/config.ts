import { resolve } from 'node:path';
import { z } from 'zod';

/**
 * The whole configuration of a OneWindow server, read once from the environment and validated, so a
 * bad setting stops start-up with a message naming the variable instead of failing later.
 */
const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('0.0.0.0'),
    DATA_DIR: z.string().min(1).default('./data'),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
    ONEWINDOW_CLOCK: z.enum(['system', 'manual']).default('system'),
    /** Where a manual clock starts (then runs on), so demo data and trainings begin on a known day. */
    ONEWINDOW_CLOCK_START: z.iso
      .datetime({ offset: true, message: 'must be an ISO instant, e.g. 2026-11-23T09:00:00+08:00' })
      .optional(),
    ONEWINDOW_DEMO: z.enum(['auto', 'off']).default('auto'),
    ONEWINDOW_JOBS: z.enum(['on', 'off']).default('on'),
    SESSION_TTL_HOURS: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 30)
      .default(12),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  })
  .refine((c) => !(c.ONEWINDOW_CLOCK === 'manual' && c.NODE_ENV === 'production'), {
    path: ['ONEWINDOW_CLOCK'],
    message: 'manual is refused when NODE_ENV=production',
  })
  .refine((c) => !(c.ONEWINDOW_CLOCK_START && c.ONEWINDOW_CLOCK !== 'manual'), {
    path: ['ONEWINDOW_CLOCK_START'],
    message: 'needs ONEWINDOW_CLOCK=manual (the system clock cannot be moved)',
  });

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  clock: 'system' | 'manual';
  clockStart: Date | undefined;
  demo: 'auto' | 'off';
  jobs: boolean;
  sessionTtlHours: number;
  logLevel: string;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const r = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = r.data;
  return {
    env: c.NODE_ENV,
    port: c.PORT,
    host: c.HOST,
    dataDir: resolve(c.DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    clock: c.ONEWINDOW_CLOCK,
    clockStart: c.ONEWINDOW_CLOCK_START ? new Date(c.ONEWINDOW_CLOCK_START) : undefined,
    demo: c.ONEWINDOW_DEMO,
    jobs: c.ONEWINDOW_JOBS === 'on',
    sessionTtlHours: c.SESSION_TTL_HOURS,
    logLevel: c.LOG_LEVEL,
  };
}
