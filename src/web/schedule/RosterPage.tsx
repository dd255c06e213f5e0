import { App as AntApp, Button, Checkbox, Modal, Select, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import type { RosterMonthView } from '../../shared/contracts/schedule';
import { api } from '../api/client';
import { useAuth } from '../auth/auth';
import { CenterSelect } from '../components/CenterSelect';
import { defineMessages, useLang, useT } from '../i18n/i18n';
import { weekdayShort } from '../i18n/words';
import { shiftMonth, thisMonth, useRoster } from './schedule-hooks';

const m = defineMessages({
  title: { zh: '排班表', en: 'Duty roster' },
  prev: { zh: '上月', en: 'Previous' },
  next: { zh: '下月', en: 'Next' },
  window: { zh: '窗口', en: 'Window' },
  closed: { zh: '不开放', en: 'Closed' },
  set: { zh: '设置 {window} 号窗口 {date} 的值班人员', en: 'Duty at window {window} on {date}' },
  sameKind: {
    zh: '同时设置本月所有相同星期的休息日',
    en: 'Also every rest day of this month on the same weekday',
  },
  empty: {
    zh: '不选人员 = 恢复默认（工作日由本窗口固定人员值班）',
    en: 'Nobody = back to default (posted officers on working days)',
  },
  saved: { zh: '已保存', en: 'Saved' },
  legend: {
    zh: '蓝色：值班；橙色：AB岗顶岗；删除线：请假/会议；灰色：不开放',
    en: 'Blue: on duty; orange: standing in (AB post); struck: absent; grey: closed',
  },
  rostered: { zh: '已排班', en: 'Rostered' },
});

type Cell = RosterMonthView['days'][number]['cells'][number];

/** The monthly duty roster as a calendar: windows down, days across; administrators click a cell to roster. */
export default function RosterPage() {
  const t = useT();
  const { lang } = useLang();
  const { hasRole } = useAuth();
  const { message } = AntApp.useApp();
  const [centerId, setCenterId] = useState<string>();
  const [month, setMonth] = useState(thisMonth);
  const roster = useRoster(centerId, month);
  const [editing, setEditing] = useState<{
    windowId: string;
    number: string;
    date: string;
    staff: string[];
  } | null>(null);
  const [sameKind, setSameKind] = useState(false);
  const data = roster.data;
  const names = useMemo(() => new Map((data?.staff ?? []).map((s) => [s.id, s.name])), [data]);

  const save = async () => {
    if (!editing || !data || !centerId) return;
    const weekday = new Date(`${editing.date}T00:00:00Z`).getUTCDay();
    const days = sameKind
      ? data.days
          .filter((d) => !d.isWorkday && new Date(`${d.date}T00:00:00Z`).getUTCDay() === weekday)
          .map((d) => d.date)
      : [editing.date];
    try {
      await api('PUT', '/schedule/roster', {
        body: {
          centerId,
          windowId: editing.windowId,
          days: days.includes(editing.date) ? days : [editing.date, ...days],
          staffIds: editing.staff,
        },
      });
      void message.success(t(m.saved));
      setEditing(null);
      roster.reload();
    } catch (e) {
      void message.error((e as Error).message);
    }
  };

  const cellView = (c: Cell | undefined) => {
    if (!c) return null;
    if (c.open.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
    return (
      <Tooltip title={c.open.join(', ')}>
        <Space direction="vertical" size={0}>
          {c.onDuty.map((id) => (
            <Tag key={id} color={c.standIns.includes(id) ? 'orange' : 'blue'} style={{ marginInlineEnd: 0 }}>
              {names.get(id)}
            </Tag>
          ))}
          {c.absent.map((id) => (
            <Typography.Text key={`a${id}`} delete type="secondary" style={{ fontSize: 12 }}>
              {names.get(id)}
            </Typography.Text>
          ))}
          {c.rostered && (
            <Typography.Text style={{ fontSize: 11 }} type="success">
              {t(m.rostered)}
            </Typography.Text>
          )}
        </Space>
      </Tooltip>
    );
  };

  const columns = [
    {
      title: t(m.window),
      key: 'w',
      fixed: 'left' as const,
      width: 150,
      render: (_: unknown, w: RosterMonthView['windows'][number]) => `${w.number} ${w.name}`,
    },
    ...(data?.days ?? []).map((d) => ({
      title: (
        <span style={{ color: d.isWorkday ? undefined : '#cf1322' }} title={d.name ?? ''}>
          {d.date.slice(8)}
          <br />
          {weekdayShort[lang === 'en' ? 'en' : 'zh'][new Date(`${d.date}T00:00:00Z`).getUTCDay() || 7]}
        </span>
      ),
      key: d.date,
      width: 84,
      onCell: (w: RosterMonthView['windows'][number]) => ({
        'data-testid': `cell-${w.number}-${d.date}`,
        style: {
          background: d.isWorkday ? undefined : '#fafafa',
          cursor: hasRole('admin') ? 'pointer' : undefined,
          verticalAlign: 'top',
        },
        onClick: () => {
          if (!hasRole('admin')) return;
          const c = d.cells.find((x) => x.windowId === w.id);
          setSameKind(false);
          setEditing({
            windowId: w.id,
            number: w.number,
            date: d.date,
            staff: c?.rostered ?? c?.onDuty ?? [],
          });
        },
      }),
      render: (_: unknown, w: RosterMonthView['windows'][number]) =>
        cellView(d.cells.find((x) => x.windowId === w.id)),
    })),
  ];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t(m.title)} {month}
        </Typography.Title>
        <Space>
          <CenterSelect value={centerId} onChange={setCenterId} />
          <Button onClick={() => setMonth(shiftMonth(month, -1))}>{t(m.prev)}</Button>
          <Button onClick={() => setMonth(shiftMonth(month, 1))}>{t(m.next)}</Button>
        </Space>
      </Space>
      <Typography.Text type="secondary">{t(m.legend)}</Typography.Text>
      <Table
        rowKey="id"
        size="small"
        bordered
        loading={roster.loading}
        dataSource={data?.windows ?? []}
        columns={columns}
        pagination={false}
        scroll={{ x: 150 + 84 * (data?.days.length ?? 30) }}
      />
      <Modal
        open={editing !== null}
        title={editing ? t(m.set, { window: editing.number, date: editing.date }) : ''}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Select
            mode="multiple"
            style={{ width: '100%' }}
            data-testid="roster-staff"
            value={editing?.staff ?? []}
            onChange={(staff: string[]) => editing && setEditing({ ...editing, staff })}
            optionFilterProp="label"
            options={(data?.staff ?? []).map((s) => ({ value: s.id, label: s.name }))}
          />
          <Typography.Text type="secondary">{t(m.empty)}</Typography.Text>
          <Checkbox checked={sameKind} onChange={(e) => setSameKind(e.target.checked)}>
            {t(m.sameKind)}
          </Checkbox>
        </Space>
      </Modal>
    </Space>
  );
}
