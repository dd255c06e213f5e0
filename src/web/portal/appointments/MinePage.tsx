import { Alert, App as AntApp, Button, Form, Input, Popconfirm, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { z } from 'zod';
import {
  AppointmentView,
  appointmentStatusLabels,
  type AppointmentStatus,
} from '../../../shared/contracts/appointments';
import { api } from '../../api/client';
import { defineMessages, useLang, useT } from '../../i18n/i18n';
import { PublicShell } from '../guides/PublicShell';
import { AppointmentNav } from './AppointmentNav';

const m = defineMessages({
  title: { zh: '我的预约', en: 'My bookings' },
  idNumber: { zh: '居民身份证号', en: 'Resident ID number' },
  phone: { zh: '预约时填写的手机号', en: 'The phone given at booking' },
  find: { zh: '查询', en: 'Find' },
  when: { zh: '时间', en: 'When' },
  category: { zh: '业务', en: 'Service' },
  code: { zh: '预约码', en: 'Code' },
  status: { zh: '状态', en: 'Status' },
  cancel: { zh: '取消预约', en: 'Cancel' },
  sure: { zh: '确定取消该预约？', en: 'Cancel this booking?' },
  until: { zh: '{t} 前可取消', en: 'Cancellable until {t}' },
  none: { zh: '没有找到预约', en: 'No bookings found' },
});

export default function MinePage() {
  const t = useT();
  const { lang } = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ idNumber: string; phone: string }>();
  const [list, setList] = useState<AppointmentView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const find = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      setList(
        await api('POST', '/public/appointments/lookup', { body: v, schema: z.array(AppointmentView) }),
      );
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const cancel = async (a: AppointmentView) => {
    try {
      await api('POST', `/public/appointments/${a.code}/cancel`, {
        body: { phone: form.getFieldValue('phone') as string },
      });
      void find();
    } catch (e) {
      void message.error((e as Error).message);
    }
  };
  return (
    <PublicShell>
      <AppointmentNav />
      <Typography.Title level={3}>{t(m.title)}</Typography.Title>
      <Form form={form} layout="inline" name="mine" style={{ marginBottom: 12 }}>
        <Form.Item name="idNumber" label={t(m.idNumber)} rules={[{ required: true }]}>
          <Input maxLength={18} />
        </Form.Item>
        <Form.Item name="phone" label={t(m.phone)} rules={[{ required: true }]}>
          <Input maxLength={11} />
        </Form.Item>
        <Button type="primary" onClick={() => void find()}>
          {t(m.find)}
        </Button>
      </Form>
      {error && <Alert type="error" message={error} />}
      {list && (
        <Table<AppointmentView>
          rowKey="id"
          dataSource={list}
          pagination={false}
          locale={{ emptyText: t(m.none) }}
          columns={[
            { title: t(m.when), key: 'w', render: (_: unknown, a) => `${a.day} ${a.label}` },
            {
              title: t(m.category),
              key: 'c',
              render: (_: unknown, a) => `${a.hallName} · ${a.categoryName}`,
            },
            { title: t(m.code), dataIndex: 'code' },
            {
              title: t(m.status),
              dataIndex: 'status',
              render: (s: AppointmentStatus) => (
                <Tag>{lang === 'en' ? appointmentStatusLabels[s].en : appointmentStatusLabels[s].zh}</Tag>
              ),
            },
            {
              title: '',
              key: 'x',
              render: (_: unknown, a) =>
                a.status === 'booked' ? (
                  <Popconfirm
                    title={t(m.sure)}
                    description={t(m.until, { t: a.cancelUntil.slice(0, 16).replace('T', ' ') })}
                    onConfirm={() => void cancel(a)}
                  >
                    <a>{t(m.cancel)}</a>
                  </Popconfirm>
                ) : null,
            },
          ]}
        />
      )}
    </PublicShell>
  );
}
