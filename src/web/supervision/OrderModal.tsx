import { App as AntApp, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { OrderView, type CardView } from '../../shared/contracts/supervision';
import { api, newIdempotencyKey } from '../api/client';
import { applyApiError } from '../components/forms';
import { useDepartments } from '../components/org-hooks';
import { defineMessages, useT } from '../i18n/i18n';
import { levelLabels } from '../../domain/supervision/supervision.labels';
import { orderKindLabels, useLabel } from './supervision-ui';

const m = defineMessages({
  titleOrder: { zh: '开具督办单', en: 'Open a supervision order' },
  titleReminder: { zh: '发送催办', en: 'Send a reminder' },
  about: { zh: '针对：{what}', en: 'About: {what}' },
  department: { zh: '被督办部门', en: 'Department addressed' },
  content: { zh: '督办内容（须办理的事项与要求）', en: 'What must be done' },
  days: { zh: '回复期限（工作日）', en: 'Response deadline (working days)' },
  defaultContent: {
    zh: '办件 {case}（{item}）已发出{level}，请于期限内办结并书面回复超期原因及整改措施。',
    en: 'Case {case} ({item}) has a {level}: conclude it and answer in writing with the reason and the remedy within the deadline.',
  },
});

/** Open a 督办单 or send a 催办, on a card (its case and department) or on a department. */
export function OrderModal(props: {
  centerId: string;
  kind: 'order' | 'reminder';
  card?: CardView;
  onClose: (created: OrderView | null) => void;
}) {
  const t = useT();
  const label = useLabel();
  const { message } = AntApp.useApp();
  const { card } = props;
  const departments = useDepartments(props.centerId);
  const [form] = Form.useForm<{ departmentId?: string; content: string; responseWorkdays: number }>();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      const created = await api('POST', '/supervision/orders', {
        body: {
          centerId: props.centerId,
          kind: props.kind,
          caseId: card?.caseId ?? null,
          cardId: card?.id ?? null,
          departmentId: card ? null : (v.departmentId ?? null),
          content: v.content,
          responseWorkdays: v.responseWorkdays,
        },
        schema: OrderView,
        idempotencyKey: newIdempotencyKey(),
      });
      props.onClose(created);
    } catch (e) {
      applyApiError(form, e, (s) => void message.error(s));
    }
  };
  const levelWord = card ? label(levelLabels[card.level]) : '';
  return (
    <Modal
      open
      title={t(props.kind === 'order' ? m.titleOrder : m.titleReminder)}
      onOk={() => void submit()}
      onCancel={() => props.onClose(null)}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'order-submit' }}
    >
      {card && (
        <Typography.Paragraph type="secondary">
          {t(m.about, { what: `${card.caseNumber} · ${card.departmentName}` })}
        </Typography.Paragraph>
      )}
      <Form
        form={form}
        layout="vertical"
        name="order"
        initialValues={{
          responseWorkdays: props.kind === 'order' ? 2 : 1,
          content: card
            ? t(m.defaultContent, { case: card.caseNumber, item: card.itemName, level: levelWord })
            : '',
        }}
      >
        {!card && (
          <Form.Item name="departmentId" label={t(m.department)} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
        )}
        <Form.Item name="content" label={t(m.content)} rules={[{ required: true }]}>
          <Input.TextArea rows={4} maxLength={2000} />
        </Form.Item>
        <Form.Item name="responseWorkdays" label={t(m.days)} rules={[{ required: true }]}>
          <InputNumber min={1} max={30} />
        </Form.Item>
        <Typography.Text type="secondary">{t(orderKindLabels[props.kind])}</Typography.Text>
      </Form>
    </Modal>
  );
}
