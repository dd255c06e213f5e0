import { Alert, Button, Card, Empty, Form, Input, Result, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { z } from 'zod';
import {
  AppointmentView,
  BookableCategory,
  SlotsView,
  type SlotView,
} from '../../../shared/contracts/appointments';
import { api, ApiError } from '../../api/client';
import { useApi } from '../../api/use-api';
import { applyApiError } from '../../components/forms';
import { defineMessages, useT } from '../../i18n/i18n';
import { PublicShell } from '../guides/PublicShell';
import { AppointmentNav } from './AppointmentNav';

const m = defineMessages({
  title: { zh: '网上预约', en: 'Book an appointment' },
  rules: {
    zh: '可预约明天起 {n} 个工作日内的时段；每人每天限约 1 次；如不能前来请至少提前 2 小时取消，多次失约将暂停预约服务。',
    en: 'Slots from tomorrow up to the last bookable working day; one booking per person per day; cancel at least 2 hours before — repeated no-shows bar booking.',
  },
  category: { zh: '1. 选择业务', en: '1. Choose the service' },
  slot: { zh: '2. 选择时段', en: '2. Choose a slot' },
  who: { zh: '3. 填写身份信息', en: '3. Who are you' },
  left: { zh: '余 {n}', en: '{n} left' },
  full: { zh: '约满', en: 'Full' },
  none: { zh: '当天无可预约时段', en: 'No slots that day' },
  name: { zh: '姓名', en: 'Name' },
  idNumber: { zh: '居民身份证号', en: 'Resident ID number' },
  phone: { zh: '手机号', en: 'Mobile phone' },
  submit: { zh: '提交预约', en: 'Book' },
  done: { zh: '预约成功', en: 'Booked' },
  doneText: {
    zh: '{category} · {day} {label}，预约码 {code}。请在开始前 30 分钟内凭身份证或预约码到取号机签到取号。',
    en: '{category} · {day} {label}, booking code {code}. Check in at the kiosk with your ID card or the code up to 30 minutes before.',
  },
  again: { zh: '再约一个', en: 'Book another' },
});

export default function BookPage() {
  const t = useT();
  const cats = useApi(
    () => api('GET', '/public/appointments/categories', { schema: z.array(BookableCategory) }),
    [],
  );
  const [categoryId, setCategoryId] = useState<string | null>(null);
  const slots = useApi(
    () =>
      categoryId
        ? api('GET', '/public/appointments/slots', { query: { categoryId }, schema: SlotsView })
        : Promise.resolve(null),
    [categoryId],
  );
  const [slot, setSlot] = useState<SlotView | null>(null);
  const [done, setDone] = useState<AppointmentView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ name: string; idNumber: string; phone: string }>();

  const submit = async () => {
    if (!slot || !categoryId) return;
    const v = await form.validateFields();
    setError(null);
    try {
      setDone(
        await api('POST', '/public/appointments', {
          body: { categoryId, startsAt: slot.startsAt, ...v },
          schema: AppointmentView,
        }),
      );
    } catch (e) {
      applyApiError(form, e, setError);
      if (e instanceof ApiError && e.status === 409) slots.reload();
    }
  };

  if (done)
    return (
      <PublicShell>
        <AppointmentNav />
        <Result
          status="success"
          title={t(m.done)}
          subTitle={
            <span data-testid="booking-done">
              {t(m.doneText, {
                category: done.categoryName,
                day: done.day,
                label: done.label,
                code: done.code,
              })}
            </span>
          }
          extra={
            <Button
              onClick={() => {
                setDone(null);
                setSlot(null);
                slots.reload();
              }}
            >
              {t(m.again)}
            </Button>
          }
        />
      </PublicShell>
    );

  const days = (slots.data?.days ?? []).filter((d) => d.bookable);
  return (
    <PublicShell>
      <AppointmentNav />
      <Typography.Title level={3}>{t(m.title)}</Typography.Title>
      <Alert type="info" showIcon message={t(m.rules, { n: 5 })} style={{ marginBottom: 12 }} />
      <Card title={t(m.category)} size="small" style={{ marginBottom: 12 }}>
        <Space wrap>
          {(cats.data ?? []).map((c) => (
            <Button
              key={c.id}
              type={c.id === categoryId ? 'primary' : 'default'}
              onClick={() => {
                setCategoryId(c.id);
                setSlot(null);
              }}
              title={c.items.join('、')}
            >
              {c.name}
            </Button>
          ))}
        </Space>
      </Card>
      {categoryId && (
        <Card title={t(m.slot)} size="small" style={{ marginBottom: 12 }} loading={slots.loading}>
          <Tabs
            items={days.map((d) => ({
              key: d.date,
              label: d.date.slice(5),
              children:
                d.slots.length === 0 ? (
                  <Empty description={t(m.none)} />
                ) : (
                  <Space wrap>
                    {d.slots.map((s) => (
                      <Button
                        key={s.startsAt}
                        disabled={s.available === 0}
                        type={slot?.startsAt === s.startsAt ? 'primary' : 'default'}
                        onClick={() => setSlot(s)}
                        data-testid={`slot-${d.date}-${s.label}`}
                      >
                        {s.label} {s.available === 0 ? t(m.full) : t(m.left, { n: s.available })}
                      </Button>
                    ))}
                  </Space>
                ),
            }))}
          />
        </Card>
      )}
      {slot && (
        <Card title={t(m.who)} size="small">
          <Form form={form} layout="vertical" name="book" style={{ maxWidth: 420 }}>
            <Form.Item name="name" label={t(m.name)} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="idNumber" label={t(m.idNumber)} rules={[{ required: true, len: 18 }]}>
              <Input maxLength={18} />
            </Form.Item>
            <Form.Item name="phone" label={t(m.phone)} rules={[{ required: true }]}>
              <Input maxLength={11} />
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
