import { readdirSync, readFileSync } from 'node:fs';
import type { Db } from '../src/server/db/db';

/**
 * CPU time (ms) used so far by this process and by one PostgreSQL cluster's server processes, so a
 * bench can say where the time of one operation goes (Linux /proc; clock ticks of 10 ms).
 */
export interface CpuSample {
  nodeMs: number;
  pgMs: number;
}

function stat(pid: string): string[] | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which may itself contain spaces: state is [0], ppid [1].
    return s.slice(s.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** The postmaster of the cluster `db` is connected to: the parent of any of its backends. */
export async function postmasterPid(db: Db): Promise<string> {
  const [r] = await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const f = stat(String(r!.pid));
  if (!f) throw new Error('cannot read the backend process (is PostgreSQL on this machine?)');
  return f[1]!;
}

export function cpuSample(postmaster: string): CpuSample {
  let ticks = 0;
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    const f = stat(pid);
    if (!f || (pid !== postmaster && f[1] !== postmaster)) continue;
    ticks += Number(f[11]) + Number(f[12]); // utime + stime
  }
  const u = process.cpuUsage();
  return { nodeMs: (u.user + u.system) / 1000, pgMs: ticks * 10 };
}

export const cpuPerOp = (a: CpuSample, b: CpuSample, ops: number) => ({
  nodeMs: (b.nodeMs - a.nodeMs) / ops,
  pgMs: (b.pgMs - a.pgMs) / ops,
});
