import { Button, Card, Empty, Input, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { TransferList } from '../../shared/contracts/cases';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { defineMessages, useT } from '../i18n/i18n';
import { cm, useTime } from './case-ui';

const m = defineMessages({
  title: { zh: '业务受理转办明细表', en: 'Transfer list' },
  print: { zh: '打印明细表', en: 'Print the list' },
  none: { zh: '当日没有受理转办的办件', en: 'Nothing accepted and handed over on this day' },
  materials: { zh: '材料件数', en: 'Materials' },
  acceptedAt: { zh: '受理时间', en: 'Accepted' },
  by: { zh: '受理人', en: 'Accepted by' },
  count: { zh: '{n} 件', en: '{n} case(s)' },
});

/** What the window hands over to each department on a day, printable with signature lines. */
export default function TransfersPage() {
  const t = useT();
  const time = useTime();
  // Without a date the server answers for its own today (the center's day, whatever the browser's).
  const [date, setDate] = useState<string>();
  const list = useApi(
    () => api('GET', '/cases/transfers', { query: { date }, schema: TransferList }),
    [date],
  );
  const day = date ?? list.data?.date ?? '';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t(m.title)}
        </Typography.Title>
        <Space>
          <Input
            type="date"
            value={day}
            onChange={(e) => e.target.value && setDate(e.target.value)}
            style={{ width: 160 }}
          />
          <Button
            type="primary"
            href={`/api/cases/transfers/pdf?date=${day}`}
            target="_blank"
            disabled={!day}
          >
            {t(m.print)}
          </Button>
        </Space>
      </Space>
      {list.data?.departments.length === 0 && <Empty description={t(m.none)} />}
      {list.data?.departments.map((d) => (
        <Card
          key={d.departmentId}
          size="small"
          title={`${d.departmentName} · ${t(m.count, { n: d.cases.length })}`}
        >
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.cases}
            columns={[
              { title: t(cm.number), dataIndex: 'number' },
              { title: t(cm.item), dataIndex: 'itemName' },
              { title: t(cm.applicant), dataIndex: 'applicantName' },
              { title: t(m.materials), dataIndex: 'materialsReceived', width: 90 },
              { title: t(m.acceptedAt), dataIndex: 'acceptedAt', render: (v: string) => time(v) },
              { title: t(cm.due), dataIndex: 'dueAt', render: (v: string | null) => time(v) },
              { title: t(m.by), dataIndex: 'receivedByName' },
            ]}
          />
        </Card>
      ))}
    </Space>
  );
}
