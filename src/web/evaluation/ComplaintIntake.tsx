import { App as AntApp, Button, Form, Input, Modal, Select, Space, Switch } from 'antd';
import { useState } from 'react';
import type { ComplaintKind } from '../../domain/evaluation/complaints';
import { complaintKinds } from '../../domain/evaluation/complaints';
import { complaintChannelLabels, complaintKindLabels } from '../../shared/contracts/evaluation-labels';
import { api } from '../api/client';
import { applyApiError } from '../components/forms';
import { useDepartments, useWindows } from '../components/org-hooks';
import { defineMessages, useT } from '../i18n/i18n';
import { useLabel } from './evaluation-ui';

const m = defineMessages({
  intake: { zh: '登记（电话/意见箱/来信）', en: 'Enter (phone / box / letter)' },
  kind: { zh: '类型', en: 'Kind' },
  channel: { zh: '来源', en: 'Channel' },
  titleCol: { zh: '标题', en: 'Title' },
  content: { zh: '内容', en: 'Content' },
  anonymous: { zh: '匿名', en: 'Anonymous' },
  saved: { zh: '已保存', en: 'Saved' },
  targetWindow: { zh: '被投诉/表扬窗口', en: 'Window' },
  targetDepartment: { zh: '涉及部门', en: 'Department' },
  name: { zh: '姓名', en: 'Name' },
  phone: { zh: '电话', en: 'Phone' },
});

type Intake = {
  centerId: string;
  channel: 'phone' | 'box' | 'window' | 'letter';
  kind: ComplaintKind;
  title: string;
  content: string;
  targetWindowId?: string;
  targetDepartmentId?: string;
  anonymous: boolean;
  contactName?: string;
  contactPhone?: string;
};

/**
 * The complaint desk's intake: a complaint, report or praise that came by phone, the paper box, a
 * window or a letter, entered by staff for the center chosen on the desk.
 */
export function ComplaintIntake({
  centerId,
  onSaved,
}: {
  centerId: string | undefined;
  onSaved: () => void;
}) {
  const t = useT();
  const label = useLabel();
  const { message } = AntApp.useApp();
  const departments = useDepartments(centerId);
  const windows = useWindows(centerId);
  const [open, setOpen] = useState(false);
  const [intakeForm] = Form.useForm<Intake>();
  const anonymous = Form.useWatch('anonymous', intakeForm);

  const enter = async () => {
    if (!centerId) return;
    const v = await intakeForm.validateFields();
    try {
      await api('POST', '/complaints', { body: { ...v, centerId, attachments: [] } });
      void message.success(t(m.saved));
      setOpen(false);
      onSaved();
    } catch (e) {
      applyApiError(intakeForm, e, (s) => void message.error(s));
    }
  };

  return (
    <>
      <Button
        type="primary"
        disabled={!centerId}
        onClick={() => {
          intakeForm.resetFields();
          intakeForm.setFieldsValue({ channel: 'phone', kind: 'complaint', anonymous: false });
          setOpen(true);
        }}
      >
        {t(m.intake)}
      </Button>
      <Modal
        open={open}
        title={t(m.intake)}
        onOk={() => void enter()}
        onCancel={() => setOpen(false)}
        forceRender
        width={620}
      >
        <Form form={intakeForm} layout="vertical" name="intake">
          <Space wrap>
            <Form.Item name="channel" label={t(m.channel)} rules={[{ required: true }]}>
              <Select
                style={{ width: 130 }}
                options={(['phone', 'box', 'window', 'letter'] as const).map((x) => ({
                  value: x,
                  label: label(complaintChannelLabels[x]),
                }))}
              />
            </Form.Item>
            <Form.Item name="kind" label={t(m.kind)} rules={[{ required: true }]}>
              <Select
                style={{ width: 130 }}
                options={complaintKinds.map((x) => ({ value: x, label: label(complaintKindLabels[x]) }))}
              />
            </Form.Item>
          </Space>
          <Form.Item name="title" label={t(m.titleCol)} rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="content" label={t(m.content)} rules={[{ required: true }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="targetWindowId" label={t(m.targetWindow)}>
              <Select
                allowClear
                style={{ width: 220 }}
                showSearch
                optionFilterProp="label"
                options={(windows.data ?? []).map((w) => ({ value: w.id, label: `${w.number} ${w.name}` }))}
              />
            </Form.Item>
            <Form.Item name="targetDepartmentId" label={t(m.targetDepartment)}>
              <Select
                allowClear
                style={{ width: 220 }}
                showSearch
                optionFilterProp="label"
                options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
              />
            </Form.Item>
          </Space>
          <Form.Item name="anonymous" label={t(m.anonymous)} valuePropName="checked">
            <Switch />
          </Form.Item>
          {!anonymous && (
            <Space wrap>
              <Form.Item name="contactName" label={t(m.name)}>
                <Input />
              </Form.Item>
              <Form.Item name="contactPhone" label={t(m.phone)}>
                <Input />
              </Form.Item>
            </Space>
          )}
        </Form>
      </Modal>
    </>
  );
}
