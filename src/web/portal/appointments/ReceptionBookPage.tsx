import { Alert, Button, Card, Form, Input, Result, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { z } from 'zod';
import { TimetableView } from '../../../shared/contracts/appointments';
import { api } from '../../api/client';
import { useApi } from '../../api/use-api';
import { applyApiError } from '../../components/forms';
import { defineMessages, useT } from '../../i18n/i18n';
import { PublicShell } from '../guides/PublicShell';
import { AppointmentNav } from './AppointmentNav';

const m = defineMessages({
  title: { zh: '企业接待预约', en: 'Enterprise reception' },
  intro: {
    zh: '中心领导和各部门负责人按时间表在企业接待室接待企业，为企业排忧解难。',
    en: 'Center leaders and department heads receive enterprises on a published timetable.',
  },
  leader: { zh: '接待领导', en: 'Leader' },
  when: { zh: '时间', en: 'When' },
  room: { zh: '地点', en: 'Room' },
  book: { zh: '预约', en: 'Book' },
  date: { zh: '日期', en: 'Date' },
  enterprise: { zh: '企业名称', en: 'Enterprise' },
  creditCode: { zh: '统一社会信用代码', en: 'Credit code' },
  contact: { zh: '联系人', en: 'Contact' },
  phone: { zh: '联系电话', en: 'Phone' },
  matter: { zh: '反映的问题或诉求', en: 'Matter' },
  submit: { zh: '提交', en: 'Submit' },
  done: { zh: '预约成功，预约码 {code}', en: 'Booked, code {code}' },
  left: { zh: '余 {n}', en: '{n} left' },
});
const WEEK = ['', '一', '二', '三', '四', '五', '六', '日'];

export default function ReceptionBookPage() {
  const t = useT();
  const tt = useApi(() => api('GET', '/public/reception/timetable', { schema: z.array(TimetableView) }), []);
  const [chosen, setChosen] = useState<TimetableView | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{
    date: string;
    enterpriseName: string;
    creditCode: string;
    contactName: string;
    phone: string;
    matter: string;
  }>();
  const submit = async () => {
    if (!chosen) return;
    const v = await form.validateFields();
    try {
      const out = await api('POST', '/public/reception/bookings', {
        body: { ...v, timetableId: chosen.id },
        schema: z.object({ id: z.string(), code: z.string() }),
      });
      setDone(out.code);
    } catch (e) {
      applyApiError(form, e, setError);
    }
  };
  if (done)
    return (
      <PublicShell>
        <AppointmentNav />
        <Result status="success" title={t(m.done, { code: done })} />
      </PublicShell>
    );
  return (
    <PublicShell>
      <AppointmentNav />
      <Typography.Title level={3}>{t(m.title)}</Typography.Title>
      <Typography.Paragraph type="secondary">{t(m.intro)}</Typography.Paragraph>
      <Table<TimetableView>
        rowKey="id"
        size="small"
        loading={tt.loading}
        dataSource={tt.data ?? []}
        pagination={false}
        columns={[
          { title: t(m.leader), key: 'l', render: (_: unknown, x) => `${x.leaderTitle} ${x.leaderName}` },
          {
            title: t(m.when),
            key: 'w',
            render: (_: unknown, x) => `每周${WEEK[x.weekday]} ${x.startTime}-${x.endTime}`,
          },
          { title: t(m.room), dataIndex: 'room' },
          {
            title: '',
            key: 'b',
            render: (_: unknown, x) => (
              <Button
                size="small"
                onClick={() => {
                  form.resetFields();
                  setChosen(x);
                }}
              >
                {t(m.book)}
              </Button>
            ),
          },
        ]}
      />
      {chosen && (
        <Card size="small" title={`${chosen.leaderTitle} ${chosen.leaderName}`} style={{ marginTop: 12 }}>
          <Form form={form} layout="vertical" name="reception" style={{ maxWidth: 520 }}>
            <Form.Item name="date" label={t(m.date)} rules={[{ required: true }]}>
              <Select
                options={chosen.next.map((d) => ({
                  value: d.date,
                  label: `${d.date}（${t(m.left, { n: d.left })}）`,
                  disabled: d.left === 0,
                }))}
              />
            </Form.Item>
            <Form.Item name="enterpriseName" label={t(m.enterprise)} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="creditCode" label={t(m.creditCode)} rules={[{ required: true, len: 18 }]}>
              <Input maxLength={18} />
            </Form.Item>
            <Form.Item name="contactName" label={t(m.contact)} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="phone" label={t(m.phone)} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="matter" label={t(m.matter)} rules={[{ required: true, min: 5 }]}>
              <Input.TextArea rows={4} />
            </Form.Item>
            {error && <Alert type="error" message={error} style={{ marginBottom: 12 }} />}
            <Button type="primary" onClick={() => void submit()}>
              {t(m.submit)}
            </Button>
          </Form>
        </Card>
      )}
    </PublicShell>
  );
}
