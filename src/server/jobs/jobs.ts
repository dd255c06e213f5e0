import type { Job, JobContext } from './job';
import { jobList } from './job-list';

export type { Job, JobContext };

const HOLDER = `${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

/**
 * Run one tick of a job if this process can take its lease (no other process holds an unexpired one).
 * The lease outlives the tick a little, so two processes never run the same job at once.
 */
export async function runJobOnce(job: Job, ctx: JobContext, holder = HOLDER): Promise<boolean> {
  const leaseMs = Math.max(job.everyMs, 30_000);
  const got = await ctx.db.query(
    `INSERT INTO job_leases (name, holder, until) VALUES ($1, $2, clock_timestamp() + $3 * interval '1 millisecond')
     ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, until = EXCLUDED.until
       WHERE job_leases.until < clock_timestamp() OR job_leases.holder = EXCLUDED.holder
     RETURNING name`,
    [job.name, holder, leaseMs],
  );
  if (got.length === 0) return false;
  try {
    await job.run(ctx);
  } finally {
    await ctx.db.query('UPDATE job_leases SET until = clock_timestamp() WHERE name = $1 AND holder = $2', [
      job.name,
      holder,
    ]);
  }
  return true;
}

export function startJobs(ctx: JobContext, jobs: readonly Job[] = jobList): () => Promise<void> {
  const timers: NodeJS.Timeout[] = [];
  const running = new Set<Promise<unknown>>();
  let stopped = false;
  for (const job of jobs) {
    const tick = () => {
      if (stopped) return;
      const p = runJobOnce(job, ctx)
        .catch((err: unknown) => ctx.log.error({ err, job: job.name }, 'job failed'))
        .finally(() => {
          running.delete(p);
          if (!stopped) timers.push(setTimeout(tick, job.everyMs));
        });
      running.add(p);
    };
    timers.push(setTimeout(tick, 1000));
  }
  return async () => {
    stopped = true;
    for (const t of timers) clearTimeout(t);
    await Promise.allSettled([...running]);
  };
}
