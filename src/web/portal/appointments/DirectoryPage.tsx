import { Table, Typography } from 'antd';
import { DirectoryView } from '../../../shared/contracts/schedule';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { defineMessages, useT } from '../../i18n/i18n';
import { PublicShell } from '../guides/PublicShell';
import { AppointmentNav } from './AppointmentNav';

const m = defineMessages({
  title: { zh: '{center}窗口服务电话表', en: '{center}: windows and phones' },
  hours: {
    zh: '作息时间：工作日 {hours}。个别窗口另有安排如下。',
    en: 'Hours: working days {hours}. Exceptions per window below.',
  },
  phone: { zh: '咨询电话 {phone}', en: 'Enquiries {phone}' },
  number: { zh: '窗口', en: 'Window' },
  name: { zh: '名称', en: 'Name' },
  hall: { zh: '位置', en: 'Where' },
  department: { zh: '部门', en: 'Department' },
  windowPhone: { zh: '电话', en: 'Phone' },
  special: { zh: '服务时间安排', en: 'Special hours' },
  items: { zh: '可办事项', en: 'Items' },
});

/** 窗口服务电话表: every window with its phone, special hours and the items it accepts (public). */
export default function DirectoryPage() {
  const t = useT();
  const d = useApi(() => api('GET', '/public/window-directory', { schema: DirectoryView }), []);
  return (
    <PublicShell>
      <AppointmentNav />
      <Typography.Title level={3}>{t(m.title, { center: d.data?.centerName ?? '' })}</Typography.Title>
      {d.data && (
        <Typography.Paragraph>
          {t(m.hours, { hours: d.data.hours })}{' '}
          {d.data.centerPhone && t(m.phone, { phone: d.data.centerPhone })}
        </Typography.Paragraph>
      )}
      <Table
        rowKey="id"
        size="small"
        loading={d.loading}
        dataSource={d.data?.windows ?? []}
        pagination={false}
        columns={[
          { title: t(m.number), dataIndex: 'number', width: 60 },
          { title: t(m.name), dataIndex: 'name' },
          { title: t(m.hall), dataIndex: 'hall' },
          { title: t(m.department), dataIndex: 'departmentName' },
          { title: t(m.windowPhone), dataIndex: 'phone' },
          {
            title: t(m.special),
            dataIndex: 'hoursNotes',
            render: (n: string[]) => n.map((x) => <div key={x}>{x}</div>),
          },
          {
            title: t(m.items),
            dataIndex: 'items',
            render: (items: string[]) => (
              <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0 }}>
                {items.join('、')}
              </Typography.Paragraph>
            ),
          },
        ]}
      />
    </PublicShell>
  );
}
