import { App as AntApp, Button, Card, Col, Form, Input, Row, Space, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { HoursView, type WorkingHours } from '../../shared/contracts/calendar';
import { api, ApiError } from '../api/client';
import { applyApiError } from '../components/forms';
import { defineMessages, useT } from '../i18n/i18n';
import { useWorkingHours } from './calendar-hooks';

const m = defineMessages({
  title: { zh: '作息时间', en: 'Working hours' },
  own: { zh: '本中心设置', en: 'Set by this center' },
  inherited: { zh: '继承自 {center}', en: 'Inherited from {center}' },
  default: { zh: '系统默认', en: 'Built-in default' },
  periods: { zh: '工作时段', en: 'Working periods' },
  seasons: { zh: '季节作息（如夏令时间）', en: 'Seasonal hours (e.g. summer)' },
  seasonFrom: { zh: '起（月-日）', en: 'From (MM-DD)' },
  seasonTo: { zh: '止（月-日）', en: 'To (MM-DD)' },
  addPeriod: { zh: '添加时段', en: 'Add a period' },
  addSeason: { zh: '添加季节作息', en: 'Add a season' },
  remove: { zh: '删除', en: 'Remove' },
  save: { zh: '保存作息时间', en: 'Save working hours' },
  inherit: { zh: '恢复继承', en: 'Inherit again' },
  saved: { zh: '已保存', en: 'Saved' },
  hint: {
    zh: '以工作日计算的期限在最后一个工作日的下班时间到期；按工作小时计算的期限只计入工作时段。',
    en: 'Working-day limits fall due when the last working day ends; working-hour limits count working periods only.',
  },
});

function Periods({ name, t }: { name: (string | number)[]; t: ReturnType<typeof useT> }) {
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Space wrap>
          {fields.map((f) => (
            <Space.Compact key={f.key}>
              <Form.Item name={[f.name, 'start']} noStyle rules={[{ required: true }]}>
                <Input type="time" style={{ width: 110 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'end']} noStyle rules={[{ required: true }]}>
                <Input type="time" style={{ width: 110 }} />
              </Form.Item>
              <Button onClick={() => remove(f.name)}>×</Button>
            </Space.Compact>
          ))}
          <Button type="dashed" onClick={() => add({ start: '', end: '' })}>
            {t(m.addPeriod)}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}

/** The working hours of a center, with seasonal variants; a township may set its own or inherit. */
export function HoursEditor({ centerId, canInherit }: { centerId: string; canInherit: boolean }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const hours = useWorkingHours(centerId);
  const [form] = Form.useForm<WorkingHours>();
  const view = hours.data;
  useEffect(() => {
    if (view) form.setFieldsValue(view.hours);
  }, [view, form]);

  const put = async (body: { hours: WorkingHours | null }) => {
    try {
      await api('PUT', '/calendar/hours', { query: { centerId }, body, schema: HoursView });
      void message.success(t(m.saved));
      hours.reload();
    } catch (e) {
      // The server names fields from the body (`hours.periods.0.start`); the form's root is `hours`.
      const fields = e instanceof ApiError ? Object.entries(e.fields) : [];
      const local = new ApiError(
        e instanceof ApiError ? e.status : 0,
        e instanceof ApiError ? e.code : 'NETWORK',
        e instanceof Error ? e.message : String(e),
        Object.fromEntries(fields.map(([k, v]) => [k.replace(/^hours\./, ''), v])),
      );
      applyApiError(form, local, (s) => void message.error(s));
    }
  };
  const save = async () => {
    const v = await form.validateFields();
    await put({ hours: { periods: v.periods, seasons: v.seasons ?? [] } });
  };
  const source = !view
    ? null
    : view.source === 'own'
      ? t(m.own)
      : view.source === 'inherited'
        ? t(m.inherited, { center: view.definedBy?.centerName ?? '' })
        : t(m.default);

  return (
    <Card
      size="small"
      title={t(m.title)}
      loading={hours.loading && !view}
      extra={source && <Tag color={view?.source === 'own' ? 'blue' : 'default'}>{source}</Tag>}
      data-testid="hours-editor"
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t(m.hint)}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" name="hours" disabled={!view?.editable}>
        <Form.Item label={t(m.periods)}>
          <Periods name={['periods']} t={t} />
        </Form.Item>
        <Form.Item label={t(m.seasons)}>
          <Form.List name="seasons">
            {(fields, { add, remove }) => (
              <Space direction="vertical" style={{ width: '100%' }}>
                {fields.map((f) => (
                  <Row key={f.key} gutter={8} align="middle">
                    <Col>
                      <Form.Item name={[f.name, 'from']} noStyle rules={[{ required: true }]}>
                        <Input placeholder={t(m.seasonFrom)} style={{ width: 110 }} />
                      </Form.Item>
                    </Col>
                    <Col>
                      <Form.Item name={[f.name, 'to']} noStyle rules={[{ required: true }]}>
                        <Input placeholder={t(m.seasonTo)} style={{ width: 110 }} />
                      </Form.Item>
                    </Col>
                    <Col flex="auto">
                      <Periods name={[f.name, 'periods']} t={t} />
                    </Col>
                    <Col>
                      <Button onClick={() => remove(f.name)}>{t(m.remove)}</Button>
                    </Col>
                  </Row>
                ))}
                <Button
                  type="dashed"
                  onClick={() =>
                    add({ from: '05-01', to: '09-30', periods: form.getFieldValue('periods') as unknown })
                  }
                >
                  {t(m.addSeason)}
                </Button>
              </Space>
            )}
          </Form.List>
        </Form.Item>
        <Space>
          <Button type="primary" onClick={() => void save()}>
            {t(m.save)}
          </Button>
          {canInherit && view?.source === 'own' && (
            <Button onClick={() => void put({ hours: null })}>{t(m.inherit)}</Button>
          )}
        </Space>
      </Form>
    </Card>
  );
}
