import { Card, Checkbox, Form, Input, InputNumber, Space, Typography, type FormInstance } from 'antd';
import type { ItemFee } from '../../shared/contracts/catalog';
import { defineMessages, useT } from '../i18n/i18n';

const m = defineMessages({
  fees: { zh: '收费', en: 'Fees' },
  standard: { zh: '标准 {yuan} 元', en: 'standard {yuan} yuan' },
  charged: { zh: '实收（元）', en: 'Charged (yuan)' },
  reason: { zh: '实收与标准不一致的原因', en: 'Why the amount differs from the standard' },
  reasonRequired: {
    zh: '实收金额与收费标准不一致，必须说明原因',
    en: 'The amount differs from the standard: give a reason',
  },
});

export interface FeeValues {
  fees?: Record<string, { on?: boolean; yuan?: number }>;
  feeReason?: string;
}

const fen = (yuan: number | undefined) => Math.round((yuan ?? 0) * 100);

/** The fee lines applied, in fen; the server compares them with the catalog standard (reason if different). */
export function feeBody(fees: readonly ItemFee[], v: FeeValues) {
  const lines = fees
    .filter((f) => v.fees?.[f.name]?.on)
    .map((f) => ({ name: f.name, chargedFen: fen(v.fees?.[f.name]?.yuan ?? f.standardFen / 100) }));
  if (lines.length === 0) return {};
  return { fee: { lines, ...(v.feeReason ? { reason: v.feeReason } : {}) } };
}

export function FeeLines({ fees, form }: { fees: readonly ItemFee[]; form: FormInstance }) {
  const t = useT();
  const values = Form.useWatch('fees', form) as FeeValues['fees'];
  const differs = fees.some(
    (f) => values?.[f.name]?.on && fen(values[f.name]?.yuan ?? f.standardFen / 100) !== f.standardFen,
  );
  return (
    <Card size="small" title={t(m.fees)}>
      {fees.map((f) => (
        <Space key={f.name} align="baseline" wrap>
          <Form.Item name={['fees', f.name, 'on']} valuePropName="checked" initialValue={fees.length === 1}>
            <Checkbox>{f.name}</Checkbox>
          </Form.Item>
          <Typography.Text type="secondary">
            {t(m.standard, { yuan: (f.standardFen / 100).toFixed(2) })}
          </Typography.Text>
          <Form.Item name={['fees', f.name, 'yuan']} label={t(m.charged)} initialValue={f.standardFen / 100}>
            <InputNumber min={0} precision={2} />
          </Form.Item>
        </Space>
      ))}
      {differs && (
        <Form.Item
          name="feeReason"
          label={t(m.reason)}
          rules={[{ required: true, message: t(m.reasonRequired) }]}
        >
          <Input.TextArea rows={2} />
        </Form.Item>
      )}
    </Card>
  );
}
