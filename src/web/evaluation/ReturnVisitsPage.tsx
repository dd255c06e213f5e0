import {
  App as AntApp,
  Button,
  DatePicker,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { satisfactionLevels } from '../../domain/evaluation/levels';
import { ReturnVisitList, type ReturnVisitView } from '../../shared/contracts/evaluation';
import { badReviewTags, levelLabels, tagLabels } from '../../shared/contracts/evaluation-labels';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { CenterSelect } from '../components/CenterSelect';
import { applyApiError } from '../components/forms';
import { defineMessages, useT } from '../i18n/i18n';
import { words } from '../i18n/words';
import { cnTime, useLabel } from './evaluation-ui';

const m = defineMessages({
  title: { zh: '满意度回访', en: 'Return visits' },
  sample: { zh: '生成抽样', en: 'Draw the sample' },
  sampled: { zh: '新增 {n} 条回访任务', en: '{n} new calls on the list' },
  reason: { zh: '类型', en: 'Why' },
  bad: { zh: '差评回访', en: 'Bad review' },
  sampleReason: { zh: '抽样回访', en: 'Sample' },
  status: { zh: '状态', en: 'Status' },
  pending: { zh: '待回访', en: 'To call' },
  done: { zh: '已回访', en: 'Done' },
  unreachable: { zh: '未联系上', en: 'Unreachable' },
  subject: { zh: '办件/号票', en: 'Case / ticket' },
  applicant: { zh: '办事人', en: 'Applicant' },
  phone: { zh: '电话', en: 'Phone' },
  who: { zh: '窗口 / 人员', en: 'Window / officer' },
  due: { zh: '期限', en: 'Due' },
  caller: { zh: '回访人 / 时间', en: 'Called by / at' },
  record: { zh: '登记回访', en: 'Record the call' },
  reached: { zh: '已联系上', en: 'Reached' },
  note: { zh: '回访记录', en: 'Notes' },
  level: { zh: '满意度（电话评价）', en: 'Satisfaction (phone evaluation)' },
  tags: { zh: '不满意原因', en: 'Reasons' },
  comment: { zh: '办事人意见', en: 'Applicant’s words' },
  saved: { zh: '已登记', en: 'Saved' },
});

type Values = { reached: boolean; note: string; level?: string; tags?: string[]; comment?: string };

/**
 * The return-visit worklist: every 差评 and a reproducible sample of the rest. Staff call, record the
 * answer as a phone-channel evaluation, and for a 差评 the call is the rectification's return visit.
 */
export default function ReturnVisitsPage() {
  const t = useT();
  const label = useLabel();
  const { message } = AntApp.useApp();
  const [centerId, setCenterId] = useState<string>();
  const [status, setStatus] = useState<'pending' | 'done' | 'unreachable' | undefined>('pending');
  const [day, setDay] = useState<string>();
  const list = useApi(
    () =>
      api('GET', '/evaluation/return-visits', {
        query: { centerId, status, pageSize: 200 },
        schema: ReturnVisitList,
      }),
    [centerId, status],
  );
  const [recording, setRecording] = useState<ReturnVisitView | null>(null);
  const [form] = Form.useForm<Values>();
  const reached = Form.useWatch('reached', form);

  const sample = async () => {
    if (!centerId || !day) return;
    try {
      const r = await api<{ created: number }>('POST', '/evaluation/return-visits/sample', {
        body: { centerId, day },
      });
      void message.success(t(m.sampled, { n: r.created }));
      list.reload();
    } catch (e) {
      applyApiError(form, e, (s) => void message.error(s));
    }
  };
  const save = async () => {
    if (!recording) return;
    const v = await form.validateFields();
    try {
      await api('POST', `/evaluation/return-visits/${recording.id}/record`, {
        body: { ...v, tags: v.tags ?? [], comment: v.comment ?? '', level: v.reached ? v.level : undefined },
      });
      void message.success(t(m.saved));
      setRecording(null);
      list.reload();
    } catch (e) {
      applyApiError(form, e, (s) => void message.error(s));
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t(m.title)}
        </Typography.Title>
        <Space wrap>
          <CenterSelect value={centerId} onChange={setCenterId} />
          <Select
            allowClear
            value={status}
            onChange={setStatus}
            style={{ width: 130 }}
            options={(['pending', 'done', 'unreachable'] as const).map((s) => ({ value: s, label: t(m[s]) }))}
          />
          <DatePicker onChange={(d) => setDay(d ? d.format('YYYY-MM-DD') : undefined)} />
          <Button onClick={() => void sample()} disabled={!centerId || !day}>
            {t(m.sample)}
          </Button>
        </Space>
      </Space>
      <Table
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        columns={[
          {
            title: t(m.reason),
            dataIndex: 'reason',
            render: (r: string) =>
              r === 'bad_review' ? <Tag color="red">{t(m.bad)}</Tag> : <Tag>{t(m.sampleReason)}</Tag>,
          },
          {
            title: t(m.subject),
            key: 's',
            render: (_: unknown, v: ReturnVisitView) => `${v.subjectLabel} ${v.itemName}`,
          },
          { title: t(m.applicant), dataIndex: 'applicantName' },
          { title: t(m.phone), dataIndex: 'phone' },
          {
            title: t(m.who),
            key: 'w',
            render: (_: unknown, v: ReturnVisitView) =>
              [v.windowNumber && t(words.windowNo, { n: v.windowNumber }), v.staffName]
                .filter(Boolean)
                .join(' / '),
          },
          { title: t(m.due), dataIndex: 'dueAt', render: cnTime },
          {
            title: t(m.status),
            dataIndex: 'status',
            render: (s: 'pending' | 'done' | 'unreachable') => t(m[s]),
          },
          {
            title: t(m.caller),
            key: 'c',
            render: (_: unknown, v: ReturnVisitView) =>
              v.calledByName ? `${v.calledByName} ${cnTime(v.calledAt)}` : '—',
          },
          {
            title: '',
            key: 'a',
            render: (_: unknown, v: ReturnVisitView) =>
              v.status === 'pending' && (
                <a
                  onClick={() => {
                    form.resetFields();
                    form.setFieldsValue({ reached: true });
                    setRecording(v);
                  }}
                >
                  {t(m.record)}
                </a>
              ),
          },
        ]}
      />
      <Modal
        open={recording !== null}
        title={t(m.record)}
        onOk={() => void save()}
        onCancel={() => setRecording(null)}
        forceRender
      >
        <Form form={form} layout="vertical" name="visit">
          <Form.Item name="reached" label={t(m.reached)} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item name="note" label={t(m.note)} rules={[{ required: true }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          {reached && (
            <>
              <Form.Item name="level" label={t(m.level)}>
                <Select
                  allowClear
                  options={satisfactionLevels.map((l) => ({ value: l, label: label(levelLabels[l]) }))}
                />
              </Form.Item>
              <Form.Item name="tags" label={t(m.tags)}>
                <Select
                  mode="multiple"
                  options={badReviewTags.map((k) => ({ value: k, label: label(tagLabels[k]) }))}
                />
              </Form.Item>
              <Form.Item name="comment" label={t(m.comment)}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
