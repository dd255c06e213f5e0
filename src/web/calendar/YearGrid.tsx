import { Card, Col, Row, Tooltip } from 'antd';
import type { CSSProperties } from 'react';
import type { CalendarDayView } from '../../shared/contracts/calendar';
import { defineMessages, useT } from '../i18n/i18n';

const m = defineMessages({
  month: { zh: '{n}月', en: '{name}' },
  weekdays: { zh: '一二三四五六日', en: 'MTWTFSS' },
  makeUp: { zh: '班', en: 'W' },
  working: { zh: '工作日', en: 'working day' },
  resting: { zh: '休息日', en: 'day off' },
  inherited: { zh: '继承自 {center}', en: 'inherited from {center}' },
  own: { zh: '本中心设置', en: 'set by this center' },
  weekdayRule: { zh: '按周一至周五规则', en: 'Mon–Fri rule' },
  by: { zh: '{who} 修改于 {at}', en: 'changed by {who} on {at}' },
});

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const isWeekend = (day: string): boolean => {
  const wd = new Date(`${day}T00:00:00Z`).getUTCDay();
  return wd === 0 || wd === 6;
};

export type DayKind = 'holiday' | 'weekend' | 'makeUp' | 'workday';

/** How a day looks: holidays red, plain weekends grey, make-up working weekends marked 班. */
export function dayKind(d: CalendarDayView): DayKind {
  if (!d.isWorkday) return d.name ? 'holiday' : 'weekend';
  return isWeekend(d.day) || d.name ? 'makeUp' : 'workday';
}

const kindStyle: Record<DayKind, CSSProperties> = {
  holiday: { background: '#fff1f0', color: '#cf1322', borderColor: '#ffa39e' },
  weekend: { background: '#f5f5f5', color: '#8c8c8c', borderColor: '#f0f0f0' },
  makeUp: { background: '#fff', color: '#262626', borderColor: '#ffd591' },
  workday: { background: '#fff', color: '#262626', borderColor: '#f0f0f0' },
};

function DayCell({
  d,
  showOwn,
  onClick,
}: {
  d: CalendarDayView;
  showOwn: boolean;
  onClick?: ((d: CalendarDayView) => void) | undefined;
}) {
  const t = useT();
  const kind = dayKind(d);
  const own = showOwn && !d.inherited && d.source !== 'weekday';
  const origin =
    d.source === 'weekday'
      ? t(m.weekdayRule)
      : d.inherited
        ? t(m.inherited, { center: d.definedBy?.centerName ?? '' })
        : t(m.own);
  const tip = [
    `${d.day} ${d.name ?? ''}`.trim(),
    d.isWorkday ? t(m.working) : t(m.resting),
    origin,
    d.updatedBy && d.updatedAt ? t(m.by, { who: d.updatedBy, at: d.updatedAt.slice(0, 10) }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Tooltip title={tip} mouseEnterDelay={0.4}>
      <div
        data-testid={`day-${d.day}`}
        data-workday={d.isWorkday ? 'yes' : 'no'}
        onClick={onClick ? () => onClick(d) : undefined}
        style={{
          ...kindStyle[kind],
          position: 'relative',
          height: 38,
          borderWidth: 1,
          borderStyle: 'solid',
          borderRadius: 4,
          cursor: onClick ? 'pointer' : 'default',
          textAlign: 'center',
          lineHeight: '16px',
          paddingTop: 3,
          outline: own ? '2px solid #1677ff' : undefined,
          outlineOffset: -2,
        }}
      >
        <div style={{ fontWeight: kind === 'holiday' ? 600 : 400 }}>{Number(d.day.slice(8))}</div>
        <div style={{ fontSize: 10, overflow: 'hidden', whiteSpace: 'nowrap' }}>
          {kind === 'holiday' ? d.name : ''}
        </div>
        {kind === 'makeUp' && (
          <span
            style={{
              position: 'absolute',
              top: 0,
              right: 2,
              fontSize: 10,
              color: '#d46b08',
              fontWeight: 600,
            }}
          >
            {t(m.makeUp)}
          </span>
        )}
      </div>
    </Tooltip>
  );
}

/** A year as 12 month grids (weeks start on Monday, as printed calendars in China do). */
export function YearGrid({
  days,
  showOwn,
  onDayClick,
}: {
  days: readonly CalendarDayView[];
  showOwn: boolean;
  onDayClick?: ((d: CalendarDayView) => void) | undefined;
}) {
  const t = useT();
  const weekdays = [...t(m.weekdays)];
  const months = Array.from({ length: 12 }, (_, i) =>
    days.filter((d) => Number(d.day.slice(5, 7)) === i + 1),
  );
  return (
    <Row gutter={[12, 12]}>
      {months.map((monthDays, i) => {
        const first = monthDays[0];
        const offset = first ? (new Date(`${first.day}T00:00:00Z`).getUTCDay() + 6) % 7 : 0;
        return (
          <Col key={i} xs={24} sm={12} lg={8} xxl={6}>
            <Card
              size="small"
              title={t(m.month, { n: i + 1, name: monthNames[i]! })}
              data-testid={`month-${i + 1}`}
            >
              <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 3 }}>
                {weekdays.map((w, k) => (
                  <div
                    key={`h${k}`}
                    style={{ textAlign: 'center', fontSize: 12, color: k >= 5 ? '#cf1322' : '#595959' }}
                  >
                    {w}
                  </div>
                ))}
                {Array.from({ length: offset }, (_, k) => (
                  <div key={`b${k}`} />
                ))}
                {monthDays.map((d) => (
                  <DayCell key={d.day} d={d} showOwn={showOwn} onClick={onDayClick} />
                ))}
              </div>
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
