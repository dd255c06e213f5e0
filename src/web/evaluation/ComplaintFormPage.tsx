import {
  Alert,
  App as AntApp,
  Button,
  Form,
  Input,
  Radio,
  Result,
  Select,
  Space,
  Switch,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { complaintKinds, type ComplaintKind } from '../../domain/evaluation/complaints';
import {
  ATTACHMENT_MAX_BYTES,
  ATTACHMENTS_MAX,
  ComplaintReceipt,
  PublicOptions,
} from '../../shared/contracts/complaints';
import { complaintKindLabels } from '../../shared/contracts/evaluation-labels';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { applyApiError } from '../components/forms';
import { defineMessages, useT } from '../i18n/i18n';
import { PublicShell } from '../portal/guides/PublicShell';
import { useLabel } from './evaluation-ui';

const m = defineMessages({
  title: { zh: '投诉 · 举报 · 表扬 · 建议', en: 'Complaints, reports, praise, suggestions' },
  intro: {
    zh: '我们承诺对每一件投诉、举报和建议在规定时限内答复（办复率 100%）。',
    en: 'We answer every complaint, report and suggestion within the set time.',
  },
  kind: { zh: '类型', en: 'Kind' },
  center: { zh: '服务中心', en: 'Service center' },
  window: { zh: '窗口（选填）', en: 'Window (optional)' },
  department: { zh: '部门（选填）', en: 'Department (optional)' },
  titleField: { zh: '标题', en: 'Subject' },
  content: { zh: '具体内容', en: 'What happened' },
  anonymous: { zh: '匿名提交', en: 'Stay anonymous' },
  name: { zh: '姓名', en: 'Name' },
  phone: { zh: '联系电话', en: 'Phone' },
  files: {
    zh: '附件（图片或 PDF，最多 {n} 个，每个不超过 2 MB）',
    en: 'Attachments (images or PDF, up to {n}, 2 MB each)',
  },
  upload: { zh: '选择文件', en: 'Choose files' },
  submit: { zh: '提交', en: 'Submit' },
  done: { zh: '提交成功，编号 {number}', en: 'Submitted: number {number}' },
  keep: {
    zh: '请保存下面的查询链接，用于查看答复并评价：',
    en: 'Keep this link to follow the reply and rate it:',
  },
});

type Values = {
  kind: ComplaintKind;
  centerId: string;
  targetWindowId?: string;
  targetDepartmentId?: string;
  title: string;
  content: string;
  anonymous: boolean;
  contactName?: string;
  contactPhone?: string;
};

const toBase64 = (f: File) =>
  new Promise<string>((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(typeof r.result === 'string' ? (r.result.split(',')[1] ?? '') : '');
    r.onerror = () => reject(new Error('read failed'));
    r.readAsDataURL(f);
  });

/** The portal's public form: no account; a contact or anonymous; a tracking link to follow the reply. */
export default function ComplaintFormPage() {
  const t = useT();
  const label = useLabel();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const options = useApi(() => api('GET', '/complaints/public/options', { schema: PublicOptions }), []);
  const centerId = Form.useWatch('centerId', form);
  const anonymous = Form.useWatch('anonymous', form);
  const [files, setFiles] = useState<File[]>([]);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<ComplaintReceipt | null>(null);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const attachments = await Promise.all(
        files.map(async (f) => ({
          name: f.name,
          mime: f.type || 'application/octet-stream',
          dataBase64: await toBase64(f),
        })),
      );
      const r = await api('POST', '/complaints/public', {
        body: { ...v, attachments },
        schema: ComplaintReceipt,
      });
      setDone(r);
    } catch (e) {
      applyApiError(form, e, (s) => void message.error(s));
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    const path = `/complaints/track/${done.trackingToken}`;
    return (
      <PublicShell>
        <Result
          status="success"
          title={t(m.done, { number: done.number })}
          subTitle={
            <Space direction="vertical">
              <span>{t(m.keep)}</span>
              <Link to={path} data-testid="tracking-link">{`${window.location.origin}${path}`}</Link>
            </Space>
          }
        />
      </PublicShell>
    );
  }
  const opts = options.data;
  return (
    <PublicShell>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Title level={3}>{t(m.title)}</Typography.Title>
        <Alert type="info" message={t(m.intro)} />
        <Form
          form={form}
          layout="vertical"
          name="complaint"
          initialValues={{ kind: 'complaint', anonymous: false }}
        >
          <Form.Item name="kind" label={t(m.kind)} rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              options={complaintKinds.map((k) => ({ value: k, label: label(complaintKindLabels[k]) }))}
            />
          </Form.Item>
          <Form.Item name="centerId" label={t(m.center)} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={(opts?.centers ?? []).map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
          <Space wrap>
            <Form.Item name="targetWindowId" label={t(m.window)}>
              <Select
                allowClear
                style={{ width: 260 }}
                showSearch
                optionFilterProp="label"
                options={(opts?.windows ?? [])
                  .filter((w) => w.centerId === centerId)
                  .map((w) => ({ value: w.id, label: `${w.number} ${w.name}` }))}
              />
            </Form.Item>
            <Form.Item name="targetDepartmentId" label={t(m.department)}>
              <Select
                allowClear
                style={{ width: 260 }}
                showSearch
                optionFilterProp="label"
                options={(opts?.departments ?? [])
                  .filter((d) => d.centerId === centerId)
                  .map((d) => ({ value: d.id, label: d.name }))}
              />
            </Form.Item>
          </Space>
          <Form.Item name="title" label={t(m.titleField)} rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="content" label={t(m.content)} rules={[{ required: true }]}>
            <Input.TextArea rows={5} maxLength={5000} showCount />
          </Form.Item>
          <Form.Item name="anonymous" label={t(m.anonymous)} valuePropName="checked">
            <Switch />
          </Form.Item>
          {!anonymous && (
            <Space wrap>
              <Form.Item name="contactName" label={t(m.name)}>
                <Input />
              </Form.Item>
              <Form.Item name="contactPhone" label={t(m.phone)} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
            </Space>
          )}
          <Form.Item label={t(m.files, { n: ATTACHMENTS_MAX })}>
            <Upload
              multiple
              accept="image/*,application/pdf"
              beforeUpload={(f) => {
                setFiles((x) => [...x, f].slice(0, ATTACHMENTS_MAX));
                return false;
              }}
              onRemove={(f) => setFiles((x) => x.filter((y) => y.name !== f.name))}
              fileList={files.map((f, i) => ({
                uid: String(i),
                name: f.name,
                status: f.size > ATTACHMENT_MAX_BYTES ? 'error' : 'done',
              }))}
            >
              <Button>{t(m.upload)}</Button>
            </Upload>
          </Form.Item>
          <Button
            type="primary"
            size="large"
            loading={busy}
            onClick={() => void submit()}
            data-testid="complaint-submit"
          >
            {t(m.submit)}
          </Button>
        </Form>
      </Space>
    </PublicShell>
  );
}
