import { levelLabels } from '../../domain/supervision';
import type { Queryable } from '../db/db';
import type { NewCard } from './cards.repository';
import {
  byKey,
  departmentLeaders,
  enqueueNotices,
  isMobile,
  staffAccounts,
  type Notice,
} from './notify.repository';

/**
 * Who hears of a new card, and how: a warning goes to the responsible officer's inbox; a yellow card
 * also to the department's leaders, with an SMS to the officer; a red card by SMS to all of them
 * (the "automatic SMS to the handler and approver" of the municipal rules, anchors.md §4.4).
 */
export async function enqueueCardNotices(
  q: Queryable,
  cards: readonly (NewCard & { id: string })[],
  now: Date,
): Promise<void> {
  if (cards.length === 0) return;
  const officers = byKey(await staffAccounts(q, unique(cards.map((c) => c.officer_staff_id))));
  const needLeaders = cards.filter((c) => c.level !== 'warning');
  const leaders = byKey(await departmentLeaders(q, unique(needLeaders.map((c) => c.department_id))));
  const notices: Notice[] = [];
  for (const c of cards) {
    const label = levelLabels[c.level];
    const title = `【${label.zh}】${c.case_number} ${c.item_name}`;
    const base = {
      centerId: c.center_id,
      kind: `card_${c.level}`,
      title,
      body: c.explanation_zh,
      link: `/supervision/cases/${c.case_id}`,
    };
    const officer = c.officer_staff_id ? (officers.get(c.officer_staff_id) ?? []) : [];
    const heads = c.level === 'warning' ? [] : (leaders.get(c.department_id) ?? []);
    const seen = new Set<string>();
    for (const r of [...officer, ...heads]) {
      if (seen.has(r.user_id)) continue;
      seen.add(r.user_id);
      notices.push({
        ...base,
        userId: r.user_id,
        channel: 'inbox',
        address: '',
        dedupeKey: `card:${c.id}:inbox:${r.user_id}`,
      });
      const sms = c.level === 'red' || (c.level === 'yellow' && officer.includes(r));
      if (sms && isMobile(r.phone)) {
        notices.push({
          ...base,
          userId: r.user_id,
          channel: 'sms',
          address: r.phone,
          dedupeKey: `card:${c.id}:sms:${r.user_id}`,
        });
      }
    }
  }
  await enqueueNotices(q, notices, now);
}

const unique = (xs: readonly (string | null)[]): string[] => [
  ...new Set(xs.filter((x): x is string => x !== null)),
];
