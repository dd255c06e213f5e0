import { describe, expect, it } from 'vitest';
import { chinaCalendar } from '../../domain/calendar/calendar.fixture';
import { instantOfCivil } from '../../domain/calendar/civil-time';
import { clockValue } from '../../domain/clock/clock-value';
import { renderExplanation } from './explain';

describe('renderExplanation', () => {
  const v = clockValue({
    start: instantOfCivil('2025-01-24', '16:00'),
    limit: { amount: 5, unit: 'workday' },
    legalLimit: { amount: 20, unit: 'workday' },
    pauses: [
      {
        from: instantOfCivil('2025-02-05', '14:00'),
        to: instantOfCivil('2025-02-05', '17:30'),
        kind: 'inspection',
      },
    ],
    extensions: [{ amount: 2, unit: 'workday', approvedBy: '李主任' }],
    now: instantOfCivil('2025-02-06', '09:00'),
    calendar: chinaCalendar(),
  });

  it('reads in zh-CN', () => {
    expect(renderExplanation(v.explanation, 'zh-CN')).toEqual([
      '受理时间 2025-01-24 16:00，时限 5个工作日，自 2025-01-25 起计算',
      '2025-01-26 调休上班（春节） 为工作日，计入',
      '跳过春节 2025-01-28 至 2025-02-04（8 天）',
      '2025-02-08 调休上班（春节） 为工作日，计入',
      '跳过休息日 2 天',
      '暂停计时（检验）2025-02-05 14:00 至 2025-02-05 17:30，不计入 0.54个工作日',
      '延期前到期时间 2025-02-08 14:30',
      '延期 2 个工作日（批准人：李主任），到期时间顺延至 2025-02-11 14:30',
      '到期时间：2025-02-11 14:30',
      '法定到期时间：2025-03-04 14:30（法定时限 20个工作日）',
      '截至 2025-02-06 09:00：计时中',
    ]);
  });

  it('reads in English', () => {
    const en = renderExplanation(v.explanation, 'en');
    expect(en[0]).toBe('Accepted 2025-01-24 16:00; limit 5 working days, counted from 2025-01-25');
    expect(en[2]).toBe('Skipped 春节 2025-01-28 – 2025-02-04 (8 days)');
    expect(en[5]).toBe(
      'Paused (inspection) 2025-02-05 14:00 – 2025-02-05 17:30: 0.54 working days not counted',
    );
  });
});
