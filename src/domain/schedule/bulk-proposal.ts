import { intersect, normalize, type Interval } from './intervals';

/**
 * 批量办证服务室 (seed 004): an enterprise with more than N applications of one kind is served in the
 * bulk-service room at a time the center sets "according to the windows' business volume at the time
 * and how many the enterprise needs". This proposes such times:
 *
 * - each candidate day offers the room's open hours and the officers skilled for the item who are on
 *   duty that day; up to `maxOfficers` of them (those free longest) are taken off their windows;
 * - a block needs `count × minutesPerCase` officer-minutes; starting at every `stepMinutes` of the
 *   room's hours it runs on (into the next candidate day when one day is not enough);
 * - its cost is the expected load of the hall (visits/hour, from the windows' history and bookings)
 *   during the minutes the officers are away, times the officers away: quiet hours cost little;
 * - the cheapest proposals win (earlier on a tie), no two starting inside the same block.
 */
export interface BulkDay {
  readonly date: string;
  /** The bulk room's open intervals that day. */
  readonly open: readonly Interval[];
  /** Skilled officers on duty that day, with the minutes they are on duty. */
  readonly officers: readonly { readonly staffId: string; readonly free: readonly Interval[] }[];
  /** Expected visits per hour in the hall at each hour 0–23 of that day. */
  readonly loadByHour: readonly number[];
}

export interface BulkBlock {
  readonly date: string;
  readonly start: number;
  readonly end: number;
  readonly staffIds: readonly string[];
  /** Applications planned in this block. */
  readonly cases: number;
}

export interface BulkProposal {
  readonly blocks: readonly BulkBlock[];
  /** Expected visits displaced from the windows (lower is better). */
  readonly cost: number;
}

export interface BulkProposalInput {
  readonly count: number;
  readonly minutesPerCase: number;
  readonly days: readonly BulkDay[];
  readonly maxOfficers: number;
  readonly stepMinutes?: number;
  readonly maxProposals?: number;
}

interface DayPlan {
  date: string;
  usable: Interval[];
  staffIds: string[];
  load: readonly number[];
}

function planDay(d: BulkDay, maxOfficers: number): DayPlan {
  const open = normalize(d.open);
  const ranked = d.officers
    .map((o) => ({ id: o.staffId, free: intersect(open, o.free) }))
    .map((o) => ({ ...o, minutes: o.free.reduce((s, x) => s + x.end - x.start, 0) }))
    .filter((o) => o.minutes > 0)
    .sort((a, b) => b.minutes - a.minutes || (a.id < b.id ? -1 : 1))
    .slice(0, Math.max(0, maxOfficers));
  // The block runs while every officer taken is on duty, so each case has its officer.
  const usable = ranked.reduce<Interval[]>((acc, o) => intersect(acc, o.free), open);
  return { date: d.date, usable, staffIds: ranked.map((o) => o.id).sort(), load: d.loadByHour };
}

function walk(plans: readonly DayPlan[], day: number, start: number, need: number): BulkProposal | null {
  const blocks: { date: string; start: number; end: number; staffIds: readonly string[]; om: number }[] = [];
  let got = 0;
  let cost = 0;
  for (let d = day; d < plans.length && got < need; d++) {
    const p = plans[d]!;
    const n = p.staffIds.length;
    if (n === 0) continue;
    for (const iv of p.usable) {
      const from = d === day ? Math.max(iv.start, start) : iv.start;
      if (from >= iv.end || got >= need) continue;
      const minutes = Math.min(iv.end - from, Math.ceil((need - got) / n));
      for (let m = from; m < from + minutes; m++) cost += ((p.load[Math.floor(m / 60)] ?? 0) * n) / 60;
      const last = blocks[blocks.length - 1];
      if (last && last.date === p.date && last.end === from) {
        last.end = from + minutes;
        last.om += minutes * n;
      } else
        blocks.push({
          date: p.date,
          start: from,
          end: from + minutes,
          staffIds: p.staffIds,
          om: minutes * n,
        });
      got += minutes * n;
    }
  }
  if (got < need || blocks.length === 0) return null;
  return { blocks: blocks.map(({ om, ...b }) => ({ ...b, cases: om })), cost };
}

/** Share the applications over the blocks in proportion to their officer-minutes. */
function shareCases(p: BulkProposal, count: number): BulkProposal {
  const total = p.blocks.reduce((s, b) => s + b.cases, 0);
  let left = count;
  const blocks = p.blocks.map((b, i) => {
    const cases = i === p.blocks.length - 1 ? left : Math.min(left, Math.round((b.cases / total) * count));
    left -= cases;
    return { ...b, cases };
  });
  return { blocks, cost: Math.round(p.cost * 100) / 100 };
}

export function proposeBulkBlocks(input: BulkProposalInput): BulkProposal[] {
  const step = input.stepMinutes ?? 30;
  const need = input.count * input.minutesPerCase;
  if (need <= 0) return [];
  const plans = input.days.map((d) => planDay(d, input.maxOfficers));
  const candidates: { proposal: BulkProposal; day: number; start: number }[] = [];
  plans.forEach((p, day) => {
    for (const iv of p.usable) {
      for (let s = iv.start; s < iv.end; s += step) {
        const proposal = walk(plans, day, s, need);
        if (proposal) candidates.push({ proposal, day, start: s });
      }
    }
  });
  candidates.sort((a, b) => a.proposal.cost - b.proposal.cost || a.day - b.day || a.start - b.start);
  const chosen: BulkProposal[] = [];
  for (const c of candidates) {
    if (chosen.length >= (input.maxProposals ?? 3)) break;
    const first = c.proposal.blocks[0]!;
    const clash = chosen.some((p) =>
      p.blocks.some((b) => b.date === first.date && b.start < first.end && first.start < b.end),
    );
    if (!clash) chosen.push(c.proposal);
  }
  return chosen.map((p) => shareCases(p, input.count));
}
