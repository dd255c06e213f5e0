import { App as AntApp, Button, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import {
  dayKindLabels,
  hoursModeLabels,
  type DayKind,
  type HoursMode,
  type HoursRuleView,
} from '../../shared/contracts/schedule';
import { api } from '../api/client';
import { CenterSelect } from '../components/CenterSelect';
import { applyApiError } from '../components/forms';
import { useWindows } from '../components/org-hooks';
import { defineMessages, useLang, useT } from '../i18n/i18n';
import { useHoursRules } from './schedule-hooks';

const m = defineMessages({
  title: { zh: '窗口作息例外', en: 'Window hours exceptions' },
  intro: {
    zh: '在中心作息时间和工作日历之上，为个别窗口设置错时服务、双休日和节假日值班、全年无休、周末便民服务、周日轮值等。',
    en: 'On top of the center hours and calendar: staggered lunch, weekend and holiday duty, all-year windows, Saturday service, Sunday rotation.',
  },
  create: { zh: '新增例外', en: 'New exception' },
  window: { zh: '窗口', en: 'Window' },
  days: { zh: '适用日', en: 'Days' },
  date: { zh: '日期', en: 'Date' },
  mode: { zh: '方式', en: 'Mode' },
  periods: { zh: '时段', en: 'Periods' },
  periodsHelp: { zh: '如 11:30-14:00，多个时段用逗号分隔', en: 'e.g. 11:30-14:00, separated by commas' },
  validFrom: { zh: '生效日期', en: 'Valid from' },
  validTo: { zh: '截止日期', en: 'Valid to' },
  note: { zh: '说明', en: 'Note' },
  remove: { zh: '删除', en: 'Delete' },
  saved: { zh: '已保存', en: 'Saved' },
});

type FormValues = {
  windowId: string;
  days: DayKind;
  date?: string;
  mode: HoursMode;
  periods?: string;
  validFrom?: string;
  validTo?: string;
  note?: string;
};

/** '11:30-14:00, 16:00-17:00' → periods. */
const parsePeriods = (s: string | undefined) =>
  (s ?? '')
    .split(/[,，、\s]+/)
    .filter(Boolean)
    .map((p) => {
      const [start = '', end = ''] = p.split(/[-–~]/);
      return { start: start.trim(), end: end.trim() };
    });

export default function HoursRulesPage() {
  const t = useT();
  const { lang } = useLang();
  const { message } = AntApp.useApp();
  const [centerId, setCenterId] = useState<string>();
  const rules = useHoursRules(centerId);
  const windows = useWindows(centerId);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<FormValues>();
  const days = Form.useWatch('days', form);
  const mode = Form.useWatch('mode', form);
  const word = (x: { zh: string; en: string }) => (lang === 'en' ? x.en : x.zh);

  const save = async () => {
    const v = await form.validateFields();
    try {
      await api('POST', '/schedule/hours-rules', {
        body: {
          windowId: v.windowId,
          days: v.days,
          date: v.days === 'date' ? (v.date ?? null) : null,
          mode: v.mode,
          periods: parsePeriods(v.periods),
          validFrom: v.validFrom || null,
          validTo: v.validTo || null,
          note: v.note ?? '',
        },
      });
      void message.success(t(m.saved));
      setOpen(false);
      rules.reload();
    } catch (e) {
      applyApiError(form, e, (s) => void message.error(s));
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t(m.title)}
        </Typography.Title>
        <Space>
          <CenterSelect value={centerId} onChange={setCenterId} />
          <Button
            type="primary"
            onClick={() => {
              form.resetFields();
              form.setFieldsValue({ days: 'workday', mode: 'add' });
              setOpen(true);
            }}
          >
            {t(m.create)}
          </Button>
        </Space>
      </Space>
      <Typography.Paragraph type="secondary">{t(m.intro)}</Typography.Paragraph>
      <Table<HoursRuleView>
        rowKey="id"
        loading={rules.loading}
        dataSource={rules.data ?? []}
        pagination={false}
        columns={[
          { title: t(m.window), key: 'w', render: (_: unknown, r) => `${r.windowNumber} ${r.windowName}` },
          {
            title: t(m.days),
            key: 'd',
            render: (_: unknown, r) => (r.days === 'date' ? r.date : word(dayKindLabels[r.days])),
          },
          {
            title: t(m.mode),
            dataIndex: 'mode',
            render: (x: HoursMode) => (
              <Tag color={x === 'close' ? 'red' : x === 'add' ? 'green' : 'blue'}>
                {word(hoursModeLabels[x])}
              </Tag>
            ),
          },
          {
            title: t(m.periods),
            key: 'p',
            render: (_: unknown, r) => r.periods.map((p) => `${p.start}-${p.end}`).join(', '),
          },
          {
            title: t(m.validFrom),
            key: 'v',
            render: (_: unknown, r) =>
              r.validFrom || r.validTo ? `${r.validFrom ?? '…'} ~ ${r.validTo ?? '…'}` : '',
          },
          { title: t(m.note), dataIndex: 'note' },
          {
            title: '',
            key: 'x',
            render: (_: unknown, r) => (
              <a
                onClick={() => void api('DELETE', `/schedule/hours-rules/${r.id}`).then(() => rules.reload())}
              >
                {t(m.remove)}
              </a>
            ),
          },
        ]}
      />
      <Modal
        open={open}
        title={t(m.create)}
        onOk={() => void save()}
        onCancel={() => setOpen(false)}
        forceRender
      >
        <Form form={form} layout="vertical" name="hours">
          <Form.Item name="windowId" label={t(m.window)} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={(windows.data ?? []).map((w) => ({ value: w.id, label: `${w.number} ${w.name}` }))}
            />
          </Form.Item>
          <Form.Item name="days" label={t(m.days)} rules={[{ required: true }]}>
            <Select
              options={(Object.keys(dayKindLabels) as DayKind[]).map((k) => ({
                value: k,
                label: word(dayKindLabels[k]),
              }))}
            />
          </Form.Item>
          {days === 'date' && (
            <Form.Item name="date" label={t(m.date)} rules={[{ required: true }]}>
              <Input type="date" />
            </Form.Item>
          )}
          <Form.Item name="mode" label={t(m.mode)} rules={[{ required: true }]}>
            <Select
              options={(Object.keys(hoursModeLabels) as HoursMode[]).map((k) => ({
                value: k,
                label: word(hoursModeLabels[k]),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="periods"
            label={t(m.periods)}
            help={t(m.periodsHelp)}
            rules={[{ required: mode !== 'close' }]}
          >
            <Input placeholder="11:30-14:00" />
          </Form.Item>
          <Space>
            <Form.Item name="validFrom" label={t(m.validFrom)}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="validTo" label={t(m.validTo)}>
              <Input type="date" />
            </Form.Item>
          </Space>
          <Form.Item name="note" label={t(m.note)}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
