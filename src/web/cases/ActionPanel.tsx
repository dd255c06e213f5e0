import { App as AntApp, Button, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { deliveryMethodLabels, specialProcedureLabels } from '../../shared/cases/labels';
import type { CaseDetail } from '../../shared/contracts/cases';
import { api, newIdempotencyKey } from '../api/client';
import { applyApiError } from '../components/forms';
import { defineMessages, useT } from '../i18n/i18n';
import { actionLabel } from './case-ui';

const m = defineMessages({
  opinion: { zh: '办理意见', en: 'Opinion' },
  reason: { zh: '理由', en: 'Reason' },
  missing: { zh: '需补正的材料（每行一项，全部列出）', en: 'Missing materials (one per line, all of them)' },
  missingKeys: { zh: '清单中的材料', en: 'From the checklist' },
  kind: { zh: '特别程序种类', en: 'Special procedure' },
  expected: { zh: '预计所需工作日', en: 'Expected working days' },
  workingDays: { zh: '延长工作日', en: 'Working days added' },
  approvedBy: { zh: '批准的负责人', en: 'Approved by (head)' },
  certificate: { zh: '证照/批文编号（可选）', en: 'Certificate number (optional)' },
  method: { zh: '送达方式', en: 'Delivery' },
  tracking: { zh: '快递单号', en: 'Tracking number' },
  result: { zh: '特别程序结果', en: 'Result' },
  toOrg: { zh: '转报机关', en: 'Forward to' },
  deferred: { zh: '补交的容缺材料', en: 'Deferred materials supplied' },
  done: { zh: '已{action}', en: 'Done: {action}' },
});

type Field =
  | 'opinion'
  | 'reason'
  | 'missing'
  | 'kind'
  | 'expectedWorkingDays'
  | 'workingDays'
  | 'approvedBy'
  | 'certificate'
  | 'method'
  | 'result'
  | 'toOrg'
  | 'deferred';

/** The form of each action: what the transition table needs (reasons where the law asks for them). */
const fieldsOf: Record<string, Field[]> = {
  request_supplement: ['missing', 'opinion'],
  supply: ['opinion'],
  accept: ['opinion'],
  refuse: ['reason'],
  pass_step: ['opinion'],
  return_step: ['reason'],
  pause: ['kind', 'expectedWorkingDays', 'reason'],
  resume: ['result', 'opinion'],
  extend: ['workingDays', 'approvedBy', 'reason'],
  approve: ['certificate', 'opinion'],
  deny: ['reason'],
  forward: ['toOrg', 'reason'],
  withdraw: ['reason'],
  void: ['reason'],
  deliver: ['method', 'opinion'],
  close: ['opinion'],
  convert_to_promised: ['opinion'],
  supply_deferred: ['deferred'],
};

type Values = Record<string, unknown> & {
  missingText?: string;
  missingKeys?: string[];
  certificate?: string;
  reason?: string;
};

/** Plain fields copied as they are; the others are shaped below. */
const plain: Partial<Record<Field, string[]>> = {
  opinion: ['opinion'],
  kind: ['kind'],
  expectedWorkingDays: ['expectedWorkingDays'],
  workingDays: ['workingDays'],
  approvedBy: ['approvedBy'],
  method: ['method', 'trackingNumber'],
  result: ['result'],
  toOrg: ['toOrg'],
};

function body(action: string, v: Values): Record<string, unknown> {
  const b: Record<string, unknown> = { action };
  for (const f of fieldsOf[action] ?? []) {
    for (const k of plain[f] ?? []) if (v[k] !== undefined && v[k] !== '') b[k] = v[k];
  }
  if (action === 'return_step') b.opinion = v.reason;
  else if (v.reason) b.reason = v.reason;
  if (action === 'request_supplement') {
    const lines = (v.missingText ?? '')
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    b.missing = [
      ...(v.missingKeys ?? []).map((materialKey) => ({ materialKey })),
      ...lines.map((name) => ({ name })),
    ];
  }
  if (action === 'approve' && v.certificate) b.certificate = { number: v.certificate };
  if (action === 'supply_deferred') b.materialKeys = v.deferred;
  return b;
}

/** The next allowed actions of the case, and only those (the server computed them for this user). */
export function ActionPanel({ c, onDone }: { c: CaseDetail; onDone: (d: CaseDetail) => void }) {
  const t = useT();
  const { message } = AntApp.useApp();
  const [action, setAction] = useState<string | null>(null);
  const [form] = Form.useForm<Values>();
  const [key, setKey] = useState(newIdempotencyKey);
  const deferred = c.materials.filter((x) => x.status === 'deferred' && !x.suppliedAt);
  const actions = [
    ...c.allowedActions,
    ...(deferred.length && !['refused', 'closed'].includes(c.status) ? ['supply_deferred'] : []),
  ];
  const submit = async () => {
    if (!action) return;
    const v = await form.validateFields();
    try {
      const d = await api<CaseDetail>('POST', `/cases/${c.id}/actions`, {
        body: body(action, v),
        idempotencyKey: key,
      });
      void message.success(t(m.done, { action: t(actionLabel(action)) }));
      setAction(null);
      setKey(newIdempotencyKey());
      onDone(d);
    } catch (e) {
      applyApiError(form, e, (s) => void message.error(s));
      setKey(newIdempotencyKey());
    }
  };
  const fields = action ? (fieldsOf[action] ?? []) : [];
  const required = [{ required: true }];
  return (
    <>
      <Space wrap data-testid="case-actions">
        {actions.map((a) => (
          <Button
            key={a}
            data-testid={`action-${a}`}
            type={['accept', 'approve', 'pass_step', 'deliver'].includes(a) ? 'primary' : 'default'}
            danger={['refuse', 'deny', 'void', 'withdraw'].includes(a)}
            onClick={() => {
              form.resetFields();
              setAction(a);
            }}
          >
            {t(actionLabel(a))}
          </Button>
        ))}
      </Space>
      <Modal
        open={action !== null}
        title={action ? t(actionLabel(action)) : ''}
        onOk={() => void submit()}
        onCancel={() => setAction(null)}
        destroyOnHidden
        forceRender
      >
        <Form
          form={form}
          layout="vertical"
          name="action"
          initialValues={{ workingDays: 10, method: 'window', expectedWorkingDays: 5 }}
        >
          {fields.includes('missing') && (
            <>
              <Form.Item name="missingKeys" label={t(m.missingKeys)}>
                <Select
                  mode="multiple"
                  options={c.materials.filter((x) => x.key).map((x) => ({ value: x.key!, label: x.name }))}
                />
              </Form.Item>
              <Form.Item name="missingText" label={t(m.missing)}>
                <Input.TextArea rows={3} />
              </Form.Item>
            </>
          )}
          {fields.includes('kind') && (
            <Form.Item name="kind" label={t(m.kind)} rules={required}>
              <Select
                options={Object.entries(specialProcedureLabels).map(([k, l]) => ({ value: k, label: t(l) }))}
              />
            </Form.Item>
          )}
          {fields.includes('expectedWorkingDays') && (
            <Form.Item name="expectedWorkingDays" label={t(m.expected)} rules={required}>
              <InputNumber min={1} max={365} />
            </Form.Item>
          )}
          {fields.includes('workingDays') && (
            <Form.Item name="workingDays" label={t(m.workingDays)} rules={required}>
              <InputNumber min={1} max={60} />
            </Form.Item>
          )}
          {fields.includes('approvedBy') && (
            <Form.Item name="approvedBy" label={t(m.approvedBy)} rules={required}>
              <Input maxLength={100} />
            </Form.Item>
          )}
          {fields.includes('toOrg') && (
            <Form.Item name="toOrg" label={t(m.toOrg)} rules={required}>
              <Input maxLength={200} />
            </Form.Item>
          )}
          {fields.includes('certificate') && (
            <Form.Item name="certificate" label={t(m.certificate)}>
              <Input maxLength={100} />
            </Form.Item>
          )}
          {fields.includes('method') && (
            <Form.Item name="method" label={t(m.method)} rules={required}>
              <Select
                options={Object.entries(deliveryMethodLabels).map(([k, l]) => ({ value: k, label: t(l) }))}
              />
            </Form.Item>
          )}
          {fields.includes('method') && (
            <Form.Item name="trackingNumber" label={t(m.tracking)}>
              <Input maxLength={50} />
            </Form.Item>
          )}
          {fields.includes('result') && (
            <Form.Item name="result" label={t(m.result)}>
              <Input.TextArea rows={2} />
            </Form.Item>
          )}
          {fields.includes('deferred') && (
            <Form.Item name="deferred" label={t(m.deferred)} rules={required}>
              <Select mode="multiple" options={deferred.map((x) => ({ value: x.key!, label: x.name }))} />
            </Form.Item>
          )}
          {fields.includes('reason') && (
            <Form.Item name="reason" label={t(m.reason)} rules={required}>
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
          {fields.includes('opinion') && (
            <Form.Item name="opinion" label={t(m.opinion)}>
              <Input.TextArea rows={2} />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
