/**
 * `npm run bench`: every benchmark of OneWindow, one after the other, printing what each measured.
 * Benchmarks measure; they assert nothing. Figures go into docs/performance.md with machine and date.
 * `npm run bench -- clock catalog` runs only the named ones.
 */
import { cpus, totalmem } from 'node:os';
import { benches } from './benches';

const only = process.argv.slice(2);
console.log(`# OneWindow benchmarks — ${new Date().toISOString()}`);
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? '?'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
);
for (const [name, run] of Object.entries(benches)) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n## ${name}\n`);
  const t0 = performance.now();
  console.log(await run());
  console.log(`\n(${name}: ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}
