import { App as AntApp, Button, Form, Input, Modal, Radio, Typography } from 'antd';
import { useEffect } from 'react';
import { CalendarDayView } from '../../shared/contracts/calendar';
import { api } from '../api/client';
import { applyApiError } from '../components/forms';
import { defineMessages, useT } from '../i18n/i18n';

const m = defineMessages({
  title: { zh: '修改 {day}', en: 'Change {day}' },
  status: { zh: '这一天', en: 'This day is' },
  working: { zh: '工作日（上班）', en: 'a working day' },
  resting: { zh: '休息日（放假）', en: 'a day off' },
  name: { zh: '名称', en: 'Name' },
  namePlaceholder: { zh: '如 春节、国庆节、调休上班（春节）', en: 'e.g. 春节, 国庆节, 调休上班（春节）' },
  nameHint: {
    zh: '法定节假日和调休上班日请填写名称，会显示在日历和期限说明中',
    en: 'Name holidays and make-up working days: the name shows in the calendar and in deadline explanations',
  },
  inherited: {
    zh: '当前继承自 {center}；保存后本中心将单独设置这一天',
    en: 'Now inherited from {center}; saving overrides it for this center',
  },
  reset: { zh: '恢复继承', en: 'Inherit again' },
  saved: { zh: '已保存', en: 'Saved' },
});

type Values = { isWorkday: boolean; name?: string };

/** Click a day in the year view: working day or not, with a name; a township may drop its override. */
export function DayEditModal({
  day,
  centerId,
  canReset,
  onClose,
  onSaved,
}: {
  day: CalendarDayView | null;
  centerId: string;
  canReset: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  useEffect(() => {
    if (day) form.setFieldsValue({ isWorkday: day.isWorkday, name: day.name ?? '' });
  }, [day, form]);
  if (!day) return null;

  const done = () => {
    void message.success(t(m.saved));
    onSaved();
  };
  const save = async () => {
    const v = await form.validateFields();
    try {
      await api('PUT', `/calendar/days/${day.day}`, {
        query: { centerId },
        body: { isWorkday: v.isWorkday, name: v.name?.trim() || null },
        schema: CalendarDayView,
      });
      done();
    } catch (e) {
      applyApiError(form, e, (s) => void message.error(s));
    }
  };
  const reset = async () => {
    try {
      await api('DELETE', `/calendar/days/${day.day}`, { query: { centerId }, schema: CalendarDayView });
      done();
    } catch (e) {
      applyApiError(form, e, (s) => void message.error(s));
    }
  };
  const own = !day.inherited && day.source !== 'weekday';

  return (
    <Modal
      open
      title={t(m.title, { day: day.day })}
      onOk={() => void save()}
      onCancel={onClose}
      destroyOnHidden
      footer={(_, { OkBtn, CancelBtn }) => (
        <>
          {canReset && own && (
            <Button onClick={() => void reset()} data-testid="day-reset" style={{ float: 'left' }}>
              {t(m.reset)}
            </Button>
          )}
          <CancelBtn />
          <OkBtn />
        </>
      )}
    >
      <Form form={form} layout="vertical" name="calendarDay">
        <Form.Item name="isWorkday" label={t(m.status)}>
          <Radio.Group
            options={[
              { value: true, label: t(m.working) },
              { value: false, label: t(m.resting) },
            ]}
          />
        </Form.Item>
        <Form.Item name="name" label={t(m.name)} extra={t(m.nameHint)} rules={[{ max: 30 }]}>
          <Input placeholder={t(m.namePlaceholder)} data-testid="day-name" />
        </Form.Item>
      </Form>
      {day.inherited && (
        <Typography.Text type="secondary">
          {t(m.inherited, { center: day.definedBy?.centerName ?? '' })}
        </Typography.Text>
      )}
    </Modal>
  );
}
