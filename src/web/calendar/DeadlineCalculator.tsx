import {
  App as AntApp,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  List,
  Row,
  Select,
  Space,
  Statistic,
  Typography,
} from 'antd';
import { useEffect, useState } from 'react';
import { pauseKindNames } from '../../shared/clock/explain';
import { DeadlineView, type DeadlineBody, type LimitUnit } from '../../shared/contracts/calendar';
import { api, ApiError } from '../api/client';
import { applyApiError } from '../components/forms';
import { defineMessages, useLang, useT } from '../i18n/i18n';
import { localDateTime, usePublicCenters } from './calendar-hooks';

const m = defineMessages({
  center: { zh: '服务中心', en: 'Service center' },
  startDate: { zh: '受理日期', en: 'Accepted on' },
  startTime: { zh: '受理时间', en: 'At' },
  amount: { zh: '办理时限', en: 'Time limit' },
  unit: { zh: '单位', en: 'Unit' },
  workday: { zh: '工作日', en: 'working days' },
  day: { zh: '自然日', en: 'natural days' },
  workhour: { zh: '工作小时', en: 'working hours' },
  pauses: {
    zh: '暂停计时（特别程序：听证、检验检测、专家评审、现场核查等）',
    en: 'Clock pauses (hearing, testing, expert review, site check…)',
  },
  pauseFrom: { zh: '暂停自', en: 'Paused from' },
  pauseTo: { zh: '恢复于', en: 'Resumed at' },
  pauseKind: { zh: '原因', en: 'Reason' },
  addPause: { zh: '添加暂停', en: 'Add a pause' },
  extensions: { zh: '延期（经批准，按工作日）', en: 'Approved extensions (working days)' },
  extensionAmount: { zh: '延长天数', en: 'Days' },
  approvedBy: { zh: '批准人', en: 'Approved by' },
  addExtension: { zh: '添加延期', en: 'Add an extension' },
  remove: { zh: '删除', en: 'Remove' },
  calculate: { zh: '计算办结期限', en: 'Calculate the due date' },
  due: { zh: '办结期限', en: 'Due' },
  steps: { zh: '计算过程（可对照日历逐条核对）', en: 'How it was counted (check it against a calendar)' },
  rule: {
    zh: '依《行政许可法》第八十二条，期限自受理的次日起算，只计工作日（不含法定节假日），到期时间为最后一个工作日的下班时间。',
    en: 'Under Article 82 of the Administrative Licensing Law, a limit counts from the day after acceptance, in working days (statutory holidays excluded), and falls due when the last working day ends.',
  },
});

type Values = {
  centerId?: string;
  startDate: string;
  startTime: string;
  amount: number;
  unit: LimitUnit;
  pauses?: { fromDate: string; fromTime: string; toDate: string; toTime: string; kind?: string }[];
  extensions?: { amount: number; approvedBy?: string }[];
};

/** Today in the center's time zone (UTC+8), whatever the browser's zone. */
const todayInCenter = (): string => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const instant = (date: string, time: string): string => `${date}T${time || '00:00'}:00+08:00`;

/** Server field paths → form names: the form splits instants into a date and a time. */
function formFields(e: unknown): unknown {
  if (!(e instanceof ApiError)) return e;
  const renamed = Object.entries(e.fields).map(([k, v]): [string, string] => [
    k === 'start' ? 'startDate' : k.replace(/^pauses\.(\d+)\.(from|to)$/, 'pauses.$1.$2Date'),
    v,
  ]);
  return new ApiError(e.status, e.code, e.message, Object.fromEntries(renamed));
}

/**
 * "When will this be done?": start, limit, pauses and extensions → the due instant and the list of
 * steps a person can check by hand. Used by staff and, without login, by the public portal.
 */
export function DeadlineCalculator({ defaultCenterId }: { defaultCenterId?: string | undefined }) {
  const t = useT();
  const { lang } = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const centers = usePublicCenters();
  const [result, setResult] = useState<DeadlineView | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const fallback = defaultCenterId ?? centers.data?.[0]?.id;
    if (fallback && !form.getFieldValue('centerId')) form.setFieldValue('centerId', fallback);
  }, [defaultCenterId, centers.data, form]);

  const calculate = async () => {
    const v = await form.validateFields();
    const body: DeadlineBody = {
      centerId: v.centerId,
      start: instant(v.startDate, v.startTime),
      amount: v.amount,
      unit: v.unit,
      pauses: (v.pauses ?? []).map((p) => ({
        from: instant(p.fromDate, p.fromTime),
        to: instant(p.toDate, p.toTime),
        ...(p.kind ? { kind: p.kind } : {}),
      })),
      extensions: (v.extensions ?? []).map((x) => ({
        amount: x.amount,
        unit: 'workday',
        ...(x.approvedBy ? { approvedBy: x.approvedBy } : {}),
      })),
    };
    setBusy(true);
    try {
      setResult(await api('POST', '/calendar/deadline', { body, schema: DeadlineView }));
    } catch (e) {
      setResult(null);
      applyApiError(form, formFields(e), (s) => void message.error(s));
    } finally {
      setBusy(false);
    }
  };

  const levelIndent = { county: 0, township: 1, village: 2 } as const;
  const kindOptions = Object.entries(pauseKindNames).map(([value, l]) => ({
    value,
    label: lang === 'en' ? l.en : l.zh,
  }));

  return (
    <Row gutter={16}>
      <Col xs={24} lg={12}>
        <Card size="small">
          <Form
            form={form}
            layout="vertical"
            name="deadline"
            initialValues={{ startDate: todayInCenter(), startTime: '09:00', amount: 20, unit: 'workday' }}
            onFinish={() => void calculate()}
          >
            <Form.Item name="centerId" label={t(m.center)}>
              <Select
                data-testid="deadline-center"
                options={(centers.data ?? []).map((c) => ({
                  value: c.id,
                  label: `${'\u3000'.repeat(levelIndent[c.level])}${c.name}`,
                }))}
              />
            </Form.Item>
            <Row gutter={8}>
              <Col span={12}>
                <Form.Item name="startDate" label={t(m.startDate)} rules={[{ required: true }]}>
                  <Input type="date" data-testid="deadline-start-date" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="startTime" label={t(m.startTime)} rules={[{ required: true }]}>
                  <Input type="time" data-testid="deadline-start-time" />
                </Form.Item>
              </Col>
            </Row>
            <Row gutter={8}>
              <Col span={12}>
                <Form.Item name="amount" label={t(m.amount)} rules={[{ required: true }]}>
                  <InputNumber style={{ width: '100%' }} data-testid="deadline-amount" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="unit" label={t(m.unit)} rules={[{ required: true }]}>
                  <Select
                    data-testid="deadline-unit"
                    options={(['workday', 'day', 'workhour'] as const).map((u) => ({
                      value: u,
                      label: t(m[u]),
                    }))}
                  />
                </Form.Item>
              </Col>
            </Row>
            <Typography.Text strong>{t(m.pauses)}</Typography.Text>
            <Form.List name="pauses">
              {(fields, { add, remove }) => (
                <div style={{ margin: '8px 0 16px' }}>
                  {fields.map((f) => (
                    <Row key={f.key} gutter={6} align="bottom">
                      <Col span={7}>
                        <Form.Item
                          name={[f.name, 'fromDate']}
                          label={t(m.pauseFrom)}
                          rules={[{ required: true }]}
                        >
                          <Input type="date" />
                        </Form.Item>
                      </Col>
                      <Col span={5}>
                        <Form.Item name={[f.name, 'fromTime']} label=" " rules={[{ required: true }]}>
                          <Input type="time" />
                        </Form.Item>
                      </Col>
                      <Col span={7}>
                        <Form.Item
                          name={[f.name, 'toDate']}
                          label={t(m.pauseTo)}
                          rules={[{ required: true }]}
                        >
                          <Input type="date" />
                        </Form.Item>
                      </Col>
                      <Col span={5}>
                        <Form.Item name={[f.name, 'toTime']} label=" " rules={[{ required: true }]}>
                          <Input type="time" />
                        </Form.Item>
                      </Col>
                      <Col span={2}>
                        <Form.Item>
                          <Button onClick={() => remove(f.name)}>×</Button>
                        </Form.Item>
                      </Col>
                      <Col span={22} style={{ marginTop: -8 }}>
                        <Form.Item name={[f.name, 'kind']} label={t(m.pauseKind)}>
                          <Select allowClear options={kindOptions} />
                        </Form.Item>
                      </Col>
                    </Row>
                  ))}
                  <Button type="dashed" onClick={() => add({ fromTime: '09:00', toTime: '09:00' })}>
                    {t(m.addPause)}
                  </Button>
                </div>
              )}
            </Form.List>
            <Typography.Text strong>{t(m.extensions)}</Typography.Text>
            <Form.List name="extensions">
              {(fields, { add, remove }) => (
                <div style={{ margin: '8px 0 16px' }}>
                  {fields.map((f) => (
                    <Row key={f.key} gutter={6} align="bottom">
                      <Col span={8}>
                        <Form.Item
                          name={[f.name, 'amount']}
                          label={t(m.extensionAmount)}
                          rules={[{ required: true }]}
                        >
                          <InputNumber style={{ width: '100%' }} />
                        </Form.Item>
                      </Col>
                      <Col span={14}>
                        <Form.Item name={[f.name, 'approvedBy']} label={t(m.approvedBy)}>
                          <Input />
                        </Form.Item>
                      </Col>
                      <Col span={2}>
                        <Form.Item>
                          <Button onClick={() => remove(f.name)}>×</Button>
                        </Form.Item>
                      </Col>
                    </Row>
                  ))}
                  <Button type="dashed" onClick={() => add({ amount: 10 })}>
                    {t(m.addExtension)}
                  </Button>
                </div>
              )}
            </Form.List>
            <Button type="primary" htmlType="submit" loading={busy} data-testid="deadline-calculate">
              {t(m.calculate)}
            </Button>
          </Form>
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        {result && (
          <Card size="small" data-testid="deadline-result">
            <Space direction="vertical" style={{ width: '100%' }}>
              <Statistic
                title={t(m.due)}
                value={localDateTime(result.due)}
                valueStyle={{ color: '#1677ff' }}
              />
              <Typography.Text strong>{t(m.steps)}</Typography.Text>
              <List
                size="small"
                bordered
                dataSource={result.explanation}
                renderItem={(e, i) => (
                  <List.Item data-testid="explanation-line">
                    {i + 1}. {e.text}
                  </List.Item>
                )}
              />
              <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
                {t(m.rule)}
              </Typography.Paragraph>
            </Space>
          </Card>
        )}
      </Col>
    </Row>
  );
}
