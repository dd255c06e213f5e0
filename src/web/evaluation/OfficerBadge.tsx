import type { z } from 'zod';
import type { OfficerCard } from '../../shared/contracts/evaluation';
import { defineMessages, useT } from '../i18n/i18n';

const m = defineMessages({ badge: { zh: '工号 {b}', en: 'Badge {b}' } });

/** 挂牌上岗: the officer's photo (a placeholder with the surname until photos are uploaded), name and badge. */
export function OfficerBadge({
  officer,
  big,
}: {
  officer: z.infer<typeof OfficerCard> | null;
  big?: boolean;
}) {
  const t = useT();
  if (!officer) return null;
  const s = big ? 1.6 : 1;
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 20 * s }} data-testid="officer-badge">
      <div
        aria-label="photo"
        style={{
          width: 96 * s,
          height: 120 * s,
          borderRadius: 10,
          background: '#1677ff',
          color: '#fff',
          display: 'flex',
          alignItems: 'center',
          justifyContent: 'center',
          fontSize: 44 * s,
          fontWeight: 700,
        }}
      >
        {officer.initials}
      </div>
      <div>
        <div style={{ fontSize: 30 * s, fontWeight: 700 }}>{officer.name}</div>
        <div style={{ fontSize: 18 * s, color: '#555' }}>{t(m.badge, { b: officer.badgeNumber })}</div>
        <div style={{ fontSize: 16 * s, color: '#777' }}>
          {officer.post}
          {officer.departmentName ? ` · ${officer.departmentName}` : ''}
        </div>
      </div>
    </div>
  );
}
