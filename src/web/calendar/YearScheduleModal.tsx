import { App as AntApp, Button, Col, Form, Input, Modal, Row, Space, Typography } from 'antd';
import { useEffect } from 'react';
import type { CalendarDayView } from '../../shared/contracts/calendar';
import { YearChangeView } from '../../shared/contracts/calendar';
import { api } from '../api/client';
import { applyApiError } from '../components/forms';
import { defineMessages, useT } from '../i18n/i18n';
import { scheduleOfDays } from './schedule-of-days';

const m = defineMessages({
  title: { zh: '录入 {year} 年放假安排', en: 'Enter the {year} holiday schedule' },
  intro: {
    zh: '按国务院办公厅《关于 {year} 年部分节假日安排的通知》录入：放假日期和调休上班日期。其余日期按周一至周五上班。保存将替换本中心这一年的全部设置。',
    en: "Enter the State Council's notice for {year}: holiday ranges and make-up working days. Every other day follows Mon–Fri. Saving replaces this center's settings for the year.",
  },
  holidays: { zh: '放假', en: 'Holidays' },
  workdays: { zh: '调休上班', en: 'Make-up working days' },
  name: { zh: '名称', en: 'Name' },
  from: { zh: '开始', en: 'From' },
  to: { zh: '结束', en: 'To' },
  day: { zh: '日期', en: 'Date' },
  addHoliday: { zh: '添加放假', en: 'Add a holiday' },
  addWorkday: { zh: '添加调休上班日', en: 'Add a make-up working day' },
  remove: { zh: '删除', en: 'Remove' },
  saved: { zh: '已录入 {year} 年（{days} 天）', en: '{year} entered ({days} days)' },
});

type Values = {
  holidays: { name: string; from: string; to: string }[];
  workdays: { day: string; name?: string }[];
};

/** "录入年度放假安排": the bulk entry of a year, prefilled with what the year holds now. */
export function YearScheduleModal({
  open,
  year,
  centerId,
  days,
  onClose,
  onSaved,
}: {
  open: boolean;
  year: number;
  centerId: string;
  days: readonly CalendarDayView[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (open) form.setFieldsValue(scheduleOfDays(days));
  }, [open, days, form]);

  const save = async () => {
    const v = await form.validateFields();
    try {
      const res = await api('POST', `/calendar/years/${year}`, {
        query: { centerId },
        body: {
          holidays: v.holidays ?? [],
          workdays: (v.workdays ?? []).map((w) => ({ day: w.day, name: w.name ?? '' })),
        },
        schema: YearChangeView,
      });
      void message.success(t(m.saved, { year, days: res.days }));
      onSaved();
    } catch (e) {
      applyApiError(form, e, (s) => void message.error(s));
    }
  };
  const date = { type: 'date', min: `${year - 1}-12-01`, max: `${year + 1}-01-31` } as const;

  return (
    <Modal
      open={open}
      width={760}
      title={t(m.title, { year })}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
      forceRender
    >
      <Typography.Paragraph type="secondary">{t(m.intro, { year })}</Typography.Paragraph>
      <Form form={form} layout="vertical" name="yearSchedule">
        <Typography.Title level={5}>{t(m.holidays)}</Typography.Title>
        <Form.List name="holidays">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Row key={f.key} gutter={8} align="bottom">
                  <Col span={7}>
                    <Form.Item
                      name={[f.name, 'name']}
                      label={t(m.name)}
                      rules={[{ required: true, max: 30 }]}
                    >
                      <Input placeholder="春节" />
                    </Form.Item>
                  </Col>
                  <Col span={7}>
                    <Form.Item name={[f.name, 'from']} label={t(m.from)} rules={[{ required: true }]}>
                      <Input {...date} />
                    </Form.Item>
                  </Col>
                  <Col span={7}>
                    <Form.Item name={[f.name, 'to']} label={t(m.to)} rules={[{ required: true }]}>
                      <Input {...date} />
                    </Form.Item>
                  </Col>
                  <Col span={3}>
                    <Form.Item>
                      <Button onClick={() => remove(f.name)}>{t(m.remove)}</Button>
                    </Form.Item>
                  </Col>
                </Row>
              ))}
              <Button
                type="dashed"
                onClick={() => add({ name: '', from: '', to: '' })}
                data-testid="add-holiday"
              >
                {t(m.addHoliday)}
              </Button>
            </>
          )}
        </Form.List>
        <Typography.Title level={5} style={{ marginTop: 16 }}>
          {t(m.workdays)}
        </Typography.Title>
        <Form.List name="workdays">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {fields.map((f) => (
                <Row key={f.key} gutter={8} align="bottom">
                  <Col span={7}>
                    <Form.Item name={[f.name, 'day']} label={t(m.day)} rules={[{ required: true }]}>
                      <Input {...date} />
                    </Form.Item>
                  </Col>
                  <Col span={14}>
                    <Form.Item name={[f.name, 'name']} label={t(m.name)} rules={[{ max: 30 }]}>
                      <Input placeholder="调休上班（春节）" />
                    </Form.Item>
                  </Col>
                  <Col span={3}>
                    <Form.Item>
                      <Button onClick={() => remove(f.name)}>{t(m.remove)}</Button>
                    </Form.Item>
                  </Col>
                </Row>
              ))}
              <Button type="dashed" onClick={() => add({ day: '', name: '' })}>
                {t(m.addWorkday)}
              </Button>
            </Space>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
