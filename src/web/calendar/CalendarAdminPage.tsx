import {
  Alert,
  App as AntApp,
  Breadcrumb,
  Button,
  InputNumber,
  Popconfirm,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { CalendarDayView } from '../../shared/contracts/calendar';
import { YearChangeView } from '../../shared/contracts/calendar';
import { api } from '../api/client';
import { CenterSelect } from '../components/CenterSelect';
import { defineMessages, useT } from '../i18n/i18n';
import { useCalendarYear } from './calendar-hooks';
import { DayEditModal } from './DayEditModal';
import { HoursEditor } from './HoursEditor';
import { YearGrid } from './YearGrid';
import { YearScheduleModal } from './YearScheduleModal';

const m = defineMessages({
  title: { zh: '工作日历', en: 'Working-day calendar' },
  enterYear: { zh: '录入年度放假安排', en: 'Enter the yearly holiday schedule' },
  copy: { zh: '复制上级日历', en: "Copy the parent's calendar" },
  copyConfirm: {
    zh: '把上级中心 {year} 年的日历复制为本中心的设置？之后上级的修改不再影响本中心这一年。',
    en: "Copy the parent's {year} calendar into this center? Later changes above will no longer reach this year here.",
  },
  resetYear: { zh: '全部恢复继承', en: 'Inherit the whole year again' },
  resetConfirm: {
    zh: '删除本中心 {year} 年的全部单独设置，恢复继承上级日历？',
    en: "Drop all of this center's own days of {year} and inherit the parent's calendar again?",
  },
  inherits: {
    zh: '继承 {center} 的日历，本中心单独设置 {n} 天（蓝框）',
    en: "Inherits {center}'s calendar; {n} days set by this center (blue outline)",
  },
  root: { zh: '本中心日历由下级中心继承', en: "This center's calendar is inherited by the centers below it" },
  workdays: { zh: '全年工作日 {n} 天', en: '{n} working days in the year' },
  notConfigured: {
    zh: '{year} 年的工作日历尚未配置：涉及该年的期限计算会被拒绝。请按国务院办公厅的通知录入放假安排。',
    en: 'The {year} calendar is not configured: deadlines touching that year are refused. Enter the State Council holiday schedule.',
  },
  readOnly: { zh: '您只能查看此中心的日历', en: "You may only view this center's calendar" },
  legendWork: { zh: '工作日', en: 'Working day' },
  legendHoliday: { zh: '法定节假日', en: 'Holiday' },
  legendWeekend: { zh: '周末休息', en: 'Weekend' },
  legendMakeUp: { zh: '班 = 调休上班', en: 'W = make-up working day' },
  clickHint: { zh: '点击日期可修改', en: 'Click a day to change it' },
  done: { zh: '已完成（{days} 天）', en: 'Done ({days} days)' },
});

const legend = (color: string, border: string, text: string) => (
  <Space size={4}>
    <span
      style={{
        display: 'inline-block',
        width: 14,
        height: 14,
        background: color,
        border: `1px solid ${border}`,
      }}
    />
    <Typography.Text type="secondary">{text}</Typography.Text>
  </Space>
);

/** The administrators' year view: 12 month grids, click a day to change it, bulk-enter a year, hours. */
export default function CalendarAdminPage() {
  const t = useT();
  const { message } = AntApp.useApp();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || new Date().getFullYear();
  const setYear = (y: number) => setParams({ year: String(y) }, { replace: true });
  const [centerId, setCenterId] = useState<string>();
  const onCenter = useCallback((id: string) => setCenterId(id), []);
  const cal = useCalendarYear(centerId, year);
  const [editing, setEditing] = useState<CalendarDayView | null>(null);
  const [entering, setEntering] = useState(false);
  const v = cal.data;
  const hasParent = (v?.chain.length ?? 0) > 1;
  const parent = v && hasParent ? v.chain[v.chain.length - 2] : undefined;

  const yearAction = async (method: 'POST' | 'DELETE', path: string) => {
    try {
      const res = await api(method, path, { query: { centerId }, schema: YearChangeView });
      void message.success(t(m.done, { days: res.days }));
      cal.reload();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t(m.title)}
        </Typography.Title>
        <Space wrap>
          <CenterSelect value={centerId} onChange={onCenter} />
          <Space.Compact>
            <Button onClick={() => setYear(year - 1)} aria-label="previous year">
              ‹
            </Button>
            <InputNumber
              value={year}
              min={1950}
              max={2200}
              onChange={(y) => y && setYear(y)}
              style={{ width: 90 }}
              data-testid="calendar-year"
            />
            <Button onClick={() => setYear(year + 1)} aria-label="next year">
              ›
            </Button>
          </Space.Compact>
        </Space>
      </Space>

      {v && (
        <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
          <Space direction="vertical" size={2}>
            <Breadcrumb items={v.chain.map((c) => ({ title: c.centerName }))} />
            <Space wrap>
              {parent ? (
                <Tag color="blue">{t(m.inherits, { center: parent.centerName, n: v.ownDays })}</Tag>
              ) : (
                <Tag>{t(m.root)}</Tag>
              )}
              {v.configured && <Tag color="green">{t(m.workdays, { n: v.workdays })}</Tag>}
              {!v.editable && <Tag>{t(m.readOnly)}</Tag>}
            </Space>
          </Space>
          {v.editable && (
            <Space wrap>
              <Button type="primary" onClick={() => setEntering(true)} data-testid="enter-year">
                {t(m.enterYear)}
              </Button>
              {hasParent && (
                <Popconfirm
                  title={t(m.copyConfirm, { year })}
                  onConfirm={() => yearAction('POST', `/calendar/years/${year}/copy`)}
                >
                  <Button>{t(m.copy)}</Button>
                </Popconfirm>
              )}
              {hasParent && v.ownDays > 0 && (
                <Popconfirm
                  title={t(m.resetConfirm, { year })}
                  onConfirm={() => yearAction('DELETE', `/calendar/years/${year}`)}
                >
                  <Button danger>{t(m.resetYear)}</Button>
                </Popconfirm>
              )}
            </Space>
          )}
        </Space>
      )}

      {cal.loading && !v && <Spin />}
      {cal.error && <Alert type="error" message={cal.error.message} />}
      {v && !v.configured && (
        <Alert
          type="warning"
          showIcon
          message={t(m.notConfigured, { year })}
          data-testid="calendar-not-configured"
        />
      )}
      {v?.configured && (
        <>
          <Space wrap size="large">
            {legend('#fff', '#d9d9d9', t(m.legendWork))}
            {legend('#fff1f0', '#ffa39e', t(m.legendHoliday))}
            {legend('#f5f5f5', '#f0f0f0', t(m.legendWeekend))}
            <Typography.Text type="secondary">{t(m.legendMakeUp)}</Typography.Text>
            {v.editable && <Typography.Text type="secondary">{t(m.clickHint)}</Typography.Text>}
          </Space>
          <YearGrid days={v.days} showOwn={hasParent} onDayClick={v.editable ? setEditing : undefined} />
        </>
      )}

      {centerId && <HoursEditor key={centerId} centerId={centerId} canInherit={hasParent} />}

      {centerId && (
        <DayEditModal
          day={editing}
          centerId={centerId}
          canReset={hasParent}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            cal.reload();
          }}
        />
      )}
      {centerId && v && (
        <YearScheduleModal
          open={entering}
          year={year}
          centerId={centerId}
          days={v.days}
          onClose={() => setEntering(false)}
          onSaved={() => {
            setEntering(false);
            cal.reload();
          }}
        />
      )}
    </Space>
  );
}
