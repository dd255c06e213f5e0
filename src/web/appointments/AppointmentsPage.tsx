import { App as AntApp, Input, Modal, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  appointmentStatusLabels,
  CheckInView,
  type AppointmentStatus,
  type AppointmentView,
} from '../../shared/contracts/appointments';
import { api } from '../api/client';
import { CenterSelect } from '../components/CenterSelect';
import { defineMessages, useLang, useT } from '../i18n/i18n';
import {
  addDaysCn,
  todayCn,
  useAppointments,
  useAvailability,
  useBlacklist,
  useCategories,
} from './appointments-hooks';

const m = defineMessages({
  title: { zh: '预约管理', en: 'Appointments' },
  bookings: { zh: '预约名单', en: 'Bookings' },
  availability: { zh: '号源', en: 'Availability' },
  blacklist: { zh: '失约黑名单', en: 'Blacklist' },
  day: { zh: '日期', en: 'Day' },
  category: { zh: '业务类别', en: 'Category' },
  all: { zh: '全部类别', en: 'All categories' },
  search: { zh: '姓名 / 身份证号 / 预约码 / 手机号', en: 'Name / ID / code / phone' },
  time: { zh: '时段', en: 'Slot' },
  name: { zh: '姓名', en: 'Name' },
  idNumber: { zh: '身份证号', en: 'ID number' },
  phone: { zh: '手机号', en: 'Phone' },
  code: { zh: '预约码', en: 'Code' },
  status: { zh: '状态', en: 'Status' },
  ticket: { zh: '票号', en: 'Ticket' },
  checkIn: { zh: '签到取号', en: 'Check in' },
  cancel: { zh: '取消', en: 'Cancel' },
  reason: { zh: '取消原因（将短信告知）', en: 'Reason (sent by SMS)' },
  checkedIn: { zh: '已签到，票号 {n}', en: 'Checked in, ticket {n}' },
  booked: { zh: '已约/号源', en: 'Booked / capacity' },
  noShows: { zh: '失约次数', en: 'No-shows' },
  until: { zh: '限制至', en: 'Barred until' },
});

const colors: Record<AppointmentStatus, string> = {
  booked: 'blue',
  checked_in: 'green',
  cancelled: 'default',
  no_show: 'red',
};

/** Staff view of the appointments: the day's list (check in at the guide desk, cancel), availability, blacklist. */
export default function AppointmentsPage() {
  const t = useT();
  const { lang } = useLang();
  const { message } = AntApp.useApp();
  const [centerId, setCenterId] = useState<string>();
  const [day, setDay] = useState(todayCn);
  const [categoryId, setCategoryId] = useState<string>();
  const [q, setQ] = useState('');
  const cats = useCategories(centerId);
  const list = useAppointments(centerId, day, categoryId, q);
  const avail = useAvailability(centerId, todayCn(), addDaysCn(todayCn(), 13));
  const black = useBlacklist(centerId);
  const [cancelling, setCancelling] = useState<AppointmentView | null>(null);
  const [reason, setReason] = useState('');
  const label = (s: AppointmentStatus) =>
    lang === 'en' ? appointmentStatusLabels[s].en : appointmentStatusLabels[s].zh;

  const checkIn = async (a: AppointmentView) => {
    try {
      const out = await api('POST', '/appointments/check-in', {
        body: { code: a.code },
        schema: CheckInView,
      });
      void message.success(t(m.checkedIn, { n: out.ticket.number }));
      list.reload();
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  const cancel = async () => {
    if (!cancelling) return;
    try {
      await api('POST', `/appointments/${cancelling.id}/cancel`, { body: { reason } });
      setCancelling(null);
      list.reload();
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  const dates = avail.data?.categories[0]?.days.map((d) => d.date) ?? [];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t(m.title)}
        </Typography.Title>
        <CenterSelect value={centerId} onChange={setCenterId} />
      </Space>
      <Tabs
        items={[
          {
            key: 'list',
            label: t(m.bookings),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space wrap>
                  <Input
                    type="date"
                    value={day}
                    onChange={(e) => setDay(e.target.value)}
                    style={{ width: 160 }}
                  />
                  <Select
                    allowClear
                    placeholder={t(m.all)}
                    style={{ width: 200 }}
                    value={categoryId}
                    onChange={setCategoryId}
                    options={(cats.data ?? []).map((c) => ({ value: c.id, label: `${c.prefix} ${c.name}` }))}
                  />
                  <Input.Search allowClear placeholder={t(m.search)} onSearch={setQ} style={{ width: 280 }} />
                </Space>
                <Table<AppointmentView>
                  rowKey="id"
                  size="small"
                  loading={list.loading}
                  dataSource={list.data ?? []}
                  pagination={false}
                  columns={[
                    { title: t(m.time), dataIndex: 'label', width: 110 },
                    { title: t(m.category), dataIndex: 'categoryName' },
                    { title: t(m.name), dataIndex: 'name' },
                    { title: t(m.idNumber), dataIndex: 'idNumber' },
                    { title: t(m.phone), dataIndex: 'phone' },
                    { title: t(m.code), dataIndex: 'code' },
                    {
                      title: t(m.status),
                      dataIndex: 'status',
                      render: (s: AppointmentStatus) => <Tag color={colors[s]}>{label(s)}</Tag>,
                    },
                    { title: t(m.ticket), dataIndex: 'ticketNumber' },
                    {
                      title: '',
                      key: 'x',
                      render: (_: unknown, a) =>
                        a.status === 'booked' ? (
                          <Space>
                            <a onClick={() => void checkIn(a)}>{t(m.checkIn)}</a>
                            <a
                              onClick={() => {
                                setReason('');
                                setCancelling(a);
                              }}
                            >
                              {t(m.cancel)}
                            </a>
                          </Space>
                        ) : null,
                    },
                  ]}
                />
              </Space>
            ),
          },
          {
            key: 'availability',
            label: t(m.availability),
            children: (
              <Table
                rowKey="categoryId"
                size="small"
                loading={avail.loading}
                dataSource={avail.data?.categories ?? []}
                pagination={false}
                scroll={{ x: 180 + dates.length * 80 }}
                columns={[
                  { title: t(m.category), dataIndex: 'name', fixed: 'left' as const, width: 180 },
                  ...dates.map((date, i) => ({
                    title: date.slice(5),
                    key: date,
                    width: 80,
                    render: (_: unknown, c: { days: { capacity: number; booked: number }[] }) => {
                      const d = c.days[i]!;
                      return d.capacity === 0 ? '—' : `${d.booked}/${d.capacity}`;
                    },
                  })),
                ]}
                footer={() => t(m.booked)}
              />
            ),
          },
          {
            key: 'blacklist',
            label: t(m.blacklist),
            children: (
              <Table
                rowKey="idNumber"
                size="small"
                loading={black.loading}
                dataSource={black.data?.items ?? []}
                pagination={false}
                columns={[
                  { title: t(m.name), dataIndex: 'name' },
                  { title: t(m.idNumber), dataIndex: 'idNumber' },
                  { title: t(m.noShows), dataIndex: 'noShows' },
                  {
                    title: t(m.until),
                    dataIndex: 'until',
                    render: (s: string) => s.slice(0, 16).replace('T', ' '),
                  },
                ]}
              />
            ),
          },
        ]}
      />
      <Modal
        open={cancelling !== null}
        title={t(m.cancel)}
        onOk={() => void cancel()}
        onCancel={() => setCancelling(null)}
        okButtonProps={{ disabled: !reason.trim() }}
      >
        <Input placeholder={t(m.reason)} value={reason} onChange={(e) => setReason(e.target.value)} />
      </Modal>
    </Space>
  );
}
