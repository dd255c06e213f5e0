import { App as AntApp, Form, Input, InputNumber, Modal, Select, Space, Switch, Typography } from 'antd';
import { ruleLabels } from '../../domain/supervision/supervision.labels';
import { RuleView, type RuleCode } from '../../shared/contracts/supervision';
import { api } from '../api/client';
import { applyApiError } from '../components/forms';
import { defineMessages, useLang, useT } from '../i18n/i18n';
import { sm } from './supervision-ui';

const m = defineMessages({
  edit: { zh: '编辑监察规则：{name}', en: 'Edit rule: {name}' },
  editItem: { zh: '事项个性化规则：{name}', en: 'Item override: {name}' },
  enabled: { zh: '启用', en: 'Enabled' },
  level: { zh: '信号等级', en: 'Card level' },
  note: { zh: '备注（依据、说明）', en: 'Note (basis)' },
  warning: { zh: '预警', en: 'Warning' },
  yellow: { zh: '黄牌', en: 'Yellow card' },
  red: { zh: '红牌', en: 'Red card' },
  refDue: { zh: '相对到期（工作日，负数为到期前）', en: 'Working days from the due (negative = before)' },
  refPercent: { zh: '时限用去百分比', en: '% of the limit used' },
  refYellow: { zh: '黄牌后（工作日）', en: 'Working days after the yellow card' },
  graceWorkdays: { zh: '宽限（工作日）', en: 'Grace (working days)' },
  maxWorkdays: { zh: '中心规定最长暂停（工作日）', en: 'Center maximum (working days)' },
  limitWorkdays: { zh: '期限（工作日，法定 5 日）', en: 'Period (working days, 5 by law)' },
  warnBeforeWorkdays: { zh: '提前预警（工作日，0 为不预警）', en: 'Warn before (working days, 0 = none)' },
  reportWithinWorkdays: {
    zh: '报备期限（工作日，0 为当日）',
    en: 'Report within (working days, 0 = same day)',
  },
  toleranceFen: { zh: '允许误差（分）', en: 'Tolerance (fen)' },
  maxMinutes: { zh: '叫号到录入受理最长（分钟）', en: 'Call → acceptance at most (minutes)' },
  graceMinutes: { zh: '受理当日下班后宽限（分钟）', en: 'Grace after closing (minutes)' },
});

const numberFields: Record<Exclude<RuleCode, 'deadline'>, (keyof typeof m)[]> = {
  step_overdue: ['graceWorkdays'],
  pause_overrun: ['graceWorkdays', 'maxWorkdays'],
  pause_no_result: [],
  five_day: ['limitWorkdays', 'warnBeforeWorkdays'],
  negative_unreported: ['reportWithinWorkdays'],
  fee_mismatch: ['toleranceFen'],
  acceptance_late: ['maxMinutes'],
  immediate_not_same_day: ['graceMinutes'],
};

interface Point {
  ref: 'due' | 'percent' | 'yellow';
  value: number;
}
interface Values {
  enabled: boolean;
  level: RuleView['level'];
  note: string;
  warningOn?: boolean;
  thresholds: Record<string, unknown> & { warning?: Point | null };
}

/** Edit one rule of a center (or an item's override of it); the server names any contradictory field. */
export function RuleForm(props: {
  rule: RuleView;
  centerId: string;
  item?: { id: string; name: string } | undefined;
  onClose: (saved: boolean) => void;
}) {
  const t = useT();
  const { lang } = useLang();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const warningOn = Form.useWatch('warningOn', form);
  const { rule } = props;
  const name = lang === 'en' ? ruleLabels[rule.code].en : ruleLabels[rule.code].zh;
  const thresholds = rule.thresholds as Values['thresholds'];
  const initial: Values = {
    enabled: rule.enabled,
    level: rule.level,
    note: rule.note,
    warningOn: rule.code === 'deadline' ? Boolean(thresholds.warning) : undefined,
    thresholds:
      rule.code === 'deadline' && !thresholds.warning
        ? { ...thresholds, warning: { ref: 'due', value: -1 } }
        : thresholds,
  };
  const save = async () => {
    const v = await form.validateFields();
    const th = { ...initial.thresholds, ...v.thresholds };
    if (rule.code === 'deadline' && !v.warningOn) th.warning = null;
    const body = { enabled: v.enabled, level: v.level, note: v.note ?? '', thresholds: th };
    try {
      if (props.item)
        await api('PUT', `/supervision/items/${props.item.id}/rules/${rule.code}`, {
          body,
          schema: RuleView,
        });
      else
        await api('PUT', `/supervision/rules/${rule.code}`, {
          body: { ...body, centerId: props.centerId },
          schema: RuleView,
        });
      props.onClose(true);
    } catch (e) {
      applyApiError(form, e, (s) => void message.error(s));
    }
  };
  const point = (key: 'warning' | 'yellow' | 'red', refs: Point['ref'][], title?: string) => (
    <div>
      {title && (
        <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
          {title}
        </Typography.Text>
      )}
      <Space align="start" wrap>
        <Form.Item name={['thresholds', key, 'ref']} rules={[{ required: true }]} style={{ minWidth: 260 }}>
          <Select
            options={refs.map((r) => ({
              value: r,
              label: t(r === 'due' ? m.refDue : r === 'percent' ? m.refPercent : m.refYellow),
            }))}
          />
        </Form.Item>
        <Form.Item name={['thresholds', key, 'value']} rules={[{ required: true }]}>
          <InputNumber precision={0} data-testid={`rule-${key}-value`} />
        </Form.Item>
      </Space>
    </div>
  );
  return (
    <Modal
      open
      width={640}
      title={t(props.item ? m.editItem : m.edit, {
        name: props.item ? `${name} · ${props.item.name}` : name,
      })}
      onOk={() => void save()}
      onCancel={() => props.onClose(false)}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'rule-save' }}
    >
      <Typography.Paragraph type="secondary">
        {lang === 'en' ? ruleLabels[rule.code].descEn : ruleLabels[rule.code].descZh}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" name="rule" initialValues={initial}>
        <Space>
          <Form.Item name="enabled" label={t(m.enabled)} valuePropName="checked">
            <Switch />
          </Form.Item>
          {rule.code !== 'deadline' && (
            <Form.Item name="level" label={t(m.level)} rules={[{ required: true }]}>
              <Select
                style={{ width: 140 }}
                options={(['warning', 'yellow', 'red'] as const).map((l) => ({ value: l, label: t(sm[l]) }))}
              />
            </Form.Item>
          )}
        </Space>
        {rule.code === 'deadline' ? (
          <>
            <Form.Item name="warningOn" label={t(m.warning)} valuePropName="checked">
              <Switch />
            </Form.Item>
            {warningOn && point('warning', ['due', 'percent'])}
            {point('yellow', ['due', 'percent'], t(m.yellow))}
            {point('red', ['yellow', 'due', 'percent'], t(m.red))}
          </>
        ) : (
          numberFields[rule.code].map((f) => (
            <Form.Item key={f} name={['thresholds', f]} label={t(m[f])} rules={[{ required: true }]}>
              <InputNumber precision={0} min={0} style={{ width: 200 }} />
            </Form.Item>
          ))
        )}
        <Form.Item name="note" label={t(m.note)}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
