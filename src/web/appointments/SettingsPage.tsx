import { App as AntApp, Button, Form, InputNumber, Select, Space, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { AppointmentPolicyBody } from '../../shared/contracts/appointments';
import { api } from '../api/client';
import { CenterSelect } from '../components/CenterSelect';
import { applyApiError } from '../components/forms';
import { useWindows } from '../components/org-hooks';
import { defineMessages, useT, type Msg } from '../i18n/i18n';
import { useSettings } from './appointments-hooks';

const m = defineMessages({
  title: { zh: '预约规则设置', en: 'Appointment rules' },
  save: { zh: '保存', en: 'Save' },
  saved: { zh: '已保存', en: 'Saved' },
  bulkRoom: { zh: '批量办证服务室', en: 'Bulk-service room' },
});
/** Every number of the rules, with its label (domain.md rule 8: thresholds are data). */
const fields: [keyof AppointmentPolicyBody, Msg][] = [
  ['slotMinutes', { zh: '时段长度（分钟）', en: 'Slot length (minutes)' }],
  ['perOfficerPerHour', { zh: '每名工作人员每小时办理人次', en: 'Visits per officer per hour' }],
  [
    'appointmentSharePct',
    { zh: '预约号源占比（%），其余留给现场取号', en: 'Share for appointments (%); the rest for walk-ins' },
  ],
  ['bookAheadWorkdays', { zh: '可预约未来工作日数', en: 'Book up to N working days ahead' }],
  ['cancelBeforeHours', { zh: '须提前取消（小时）', en: 'Cancel at least N hours before' }],
  ['maxPerPersonPerDay', { zh: '每人每天最多预约次数', en: 'Bookings per person per day' }],
  ['noShowLimit', { zh: '失约次数达到', en: 'No-shows reaching' }],
  ['noShowWindowDays', { zh: '统计失约的天数', en: 'within days' }],
  ['blacklistDays', { zh: '暂停预约天数', en: 'bar booking for days' }],
  ['checkInEarlyMinutes', { zh: '可提前签到（分钟）', en: 'Check in up to N minutes early' }],
  ['reminderHoursBefore', { zh: '提前提醒（小时）', en: 'Reminder N hours before' }],
  ['bulkThreshold', { zh: '批量办证门槛（件数超过）', en: 'Bulk room above N applications' }],
  ['bulkMinutesPerCase', { zh: '批量办证每件用时（分钟）', en: 'Minutes per bulk application' }],
  ['bulkMaxOfficers', { zh: '批量办证最多抽调人数', en: 'Officers per bulk block' }],
];

export default function SettingsPage() {
  const t = useT();
  const { message } = AntApp.useApp();
  const [centerId, setCenterId] = useState<string>();
  const settings = useSettings(centerId);
  const windows = useWindows(centerId);
  const [form] = Form.useForm<AppointmentPolicyBody & { bulkRoomWindowId: string | null }>();
  useEffect(() => {
    if (settings.data)
      form.setFieldsValue({ ...settings.data.policy, bulkRoomWindowId: settings.data.bulkRoomWindowId });
  }, [settings.data, form]);
  const save = async () => {
    const { bulkRoomWindowId, ...policy } = await form.validateFields();
    try {
      await api('PUT', '/appointments/settings', {
        body: { centerId, policy, bulkRoomWindowId: bulkRoomWindowId ?? null },
      });
      void message.success(t(m.saved));
      settings.reload();
    } catch (e) {
      applyApiError(form, e, (s) => void message.error(s));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%', maxWidth: 720 }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t(m.title)}
        </Typography.Title>
        <CenterSelect value={centerId} onChange={setCenterId} />
      </Space>
      <Form form={form} layout="horizontal" labelCol={{ span: 12 }} name="settings">
        {fields.map(([k, label]) => (
          <Form.Item key={k} name={k} label={t(label)} rules={[{ required: true }]}>
            <InputNumber min={0} />
          </Form.Item>
        ))}
        <Form.Item
          name="sameDayBooking"
          label={t({ zh: '允许预约当天', en: 'Same-day booking' })}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
        <Form.Item name="bulkRoomWindowId" label={t(m.bulkRoom)}>
          <Select
            allowClear
            options={(windows.data ?? []).map((w) => ({ value: w.id, label: `${w.number} ${w.name}` }))}
          />
        </Form.Item>
        <Button type="primary" onClick={() => void save()}>
          {t(m.save)}
        </Button>
      </Form>
    </Space>
  );
}
