import {
  App as AntApp,
  Card,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { ComplaintAction, ComplaintKind, ComplaintStatus } from '../../domain/evaluation/complaints';
import { complaintKinds, complaintStatuses } from '../../domain/evaluation/complaints';
import { ComplaintList, ComplaintStats, ComplaintView } from '../../shared/contracts/complaints';
import {
  assessmentLabels,
  complaintActionLabels,
  complaintChannelLabels,
  complaintKindLabels,
  complaintStatusLabels,
} from '../../shared/contracts/evaluation-labels';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { CenterSelect } from '../components/CenterSelect';
import { applyApiError } from '../components/forms';
import { useDepartments } from '../components/org-hooks';
import { defineMessages, useT } from '../i18n/i18n';
import { words } from '../i18n/words';
import { ComplaintIntake } from './ComplaintIntake';
import { ActionDialog, ActionsAndHistory, cnTime, pct, useLabel } from './evaluation-ui';

const m = defineMessages({
  title: { zh: '投诉举报与表扬', en: 'Complaints, reports & praise' },
  received: { zh: '受理量', en: 'Received' },
  replyRate: { zh: '办复率', en: 'Reply rate' },
  onTime: { zh: '按时答复率', en: 'On-time reply rate' },
  overdueOpen: { zh: '超期未复', en: 'Overdue, unanswered' },
  number: { zh: '编号', en: 'Number' },
  kind: { zh: '类型', en: 'Kind' },
  channel: { zh: '来源', en: 'Channel' },
  titleCol: { zh: '标题', en: 'Title' },
  target: { zh: '对象', en: 'About' },
  status: { zh: '状态', en: 'Status' },
  due: { zh: '答复期限', en: 'Reply due' },
  overdue: { zh: '超期', en: 'Overdue' },
  content: { zh: '内容', en: 'Content' },
  contact: { zh: '联系人', en: 'Contact' },
  anonymous: { zh: '匿名', en: 'Anonymous' },
  assigned: { zh: '承办单位', en: 'Unit' },
  reply: { zh: '答复', en: 'Reply' },
  assessment: { zh: '投诉人评价', en: 'Complainant’s verdict' },
  attachments: { zh: '附件', en: 'Attachments' },
  bonus: { zh: '考核加分', en: 'Bonus points' },
  history: { zh: '处理过程', en: 'History' },
  department: { zh: '承办单位', en: 'Unit' },
  note: { zh: '说明', en: 'Note' },
  text: { zh: '答复内容', en: 'Reply' },
  saved: { zh: '已保存', en: 'Saved' },
  center: { zh: '服务中心', en: 'Center' },
});

/** The complaint desk: intake from the phone desk and the paper box, assignment, replies, 办复率. */
export default function ComplaintsPage() {
  const t = useT();
  const label = useLabel();
  const { message } = AntApp.useApp();
  const [params, setParams] = useSearchParams();
  const [centerId, setCenterId] = useState<string>();
  const [status, setStatus] = useState<ComplaintStatus>();
  const [kind, setKind] = useState<ComplaintKind>();
  const list = useApi(
    () =>
      api('GET', '/complaints', { query: { centerId, status, kind, pageSize: 200 }, schema: ComplaintList }),
    [centerId, status, kind],
  );
  const stats = useApi(
    () => api('GET', '/complaints/stats', { query: { centerId }, schema: ComplaintStats }),
    [centerId],
  );
  const openId = params.get('id');
  const detail = useApi(
    () => (openId ? api('GET', `/complaints/${openId}`, { schema: ComplaintView }) : Promise.resolve(null)),
    [openId],
  );
  const departments = useDepartments(centerId);
  const [acting, setActing] = useState<ComplaintAction | null>(null);
  const [form] = Form.useForm<Record<string, unknown>>();

  const act = async () => {
    if (!acting || !openId) return;
    const v = await form.validateFields();
    try {
      await api('POST', `/complaints/${openId}/actions`, { body: { type: acting, ...v } });
      void message.success(t(m.saved));
      setActing(null);
      detail.reload();
      list.reload();
      stats.reload();
    } catch (e) {
      applyApiError(form, e, (s) => void message.error(s));
    }
  };
  const k = detail.data;

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
            placeholder={t(m.kind)}
            style={{ width: 110 }}
            value={kind}
            onChange={setKind}
            options={complaintKinds.map((x) => ({ value: x, label: label(complaintKindLabels[x]) }))}
          />
          <Select
            allowClear
            placeholder={t(m.status)}
            style={{ width: 110 }}
            value={status}
            onChange={setStatus}
            options={complaintStatuses.map((x) => ({ value: x, label: label(complaintStatusLabels[x]) }))}
          />
          <ComplaintIntake
            centerId={centerId}
            onSaved={() => {
              list.reload();
              stats.reload();
            }}
          />
        </Space>
      </Space>
      {stats.data && (
        <Card size="small">
          <Space size="large" data-testid="complaint-stats">
            <Statistic title={t(m.received)} value={stats.data.received} />
            <Statistic title={t(m.replyRate)} value={pct(stats.data.replyRate)} />
            <Statistic title={t(m.onTime)} value={pct(stats.data.onTimeRate)} />
            <Statistic title={t(m.overdueOpen)} value={stats.data.openOverdue} />
          </Space>
        </Card>
      )}
      <Table
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        onRow={(x) => ({ onClick: () => setParams({ id: x.id }), style: { cursor: 'pointer' } })}
        columns={[
          { title: t(m.number), dataIndex: 'number' },
          {
            title: t(m.kind),
            dataIndex: 'kind',
            render: (x: ComplaintKind) => <Tag>{label(complaintKindLabels[x])}</Tag>,
          },
          {
            title: t(m.channel),
            dataIndex: 'channel',
            render: (x: keyof typeof complaintChannelLabels) => label(complaintChannelLabels[x]),
          },
          { title: t(m.titleCol), dataIndex: 'title' },
          {
            title: t(m.target),
            key: 'tg',
            render: (_: unknown, x: ComplaintView) =>
              [
                x.targetWindowNumber && t(words.windowNamed, { n: x.targetWindowNumber }),
                x.targetStaffName,
                x.targetDepartmentName,
              ]
                .filter(Boolean)
                .join(' / ') || '—',
          },
          {
            title: t(m.status),
            dataIndex: 'status',
            render: (x: ComplaintStatus) => <Tag color="blue">{label(complaintStatusLabels[x])}</Tag>,
          },
          {
            title: t(m.due),
            key: 'due',
            render: (_: unknown, x: ComplaintView) => (
              <Space>
                {cnTime(x.replyDueAt)}
                {x.overdue && <Tag color="red">{t(m.overdue)}</Tag>}
              </Space>
            ),
          },
        ]}
      />
      <Drawer
        open={Boolean(openId)}
        onClose={() => setParams({})}
        width={620}
        title={k ? `${k.number} ${k.title}` : ''}
        destroyOnHidden
      >
        {k && (
          <Space direction="vertical" style={{ width: '100%' }} data-testid="complaint-detail">
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t(m.kind)}>
                {label(complaintKindLabels[k.kind])} · {label(complaintChannelLabels[k.channel])}
              </Descriptions.Item>
              <Descriptions.Item label={t(m.status)}>
                {label(complaintStatusLabels[k.status])}
              </Descriptions.Item>
              <Descriptions.Item label={t(m.content)}>{k.content}</Descriptions.Item>
              <Descriptions.Item label={t(m.contact)}>
                {k.anonymous ? t(m.anonymous) : `${k.contactName} ${k.contactPhone}`}
              </Descriptions.Item>
              <Descriptions.Item label={t(m.assigned)}>{k.assignedDepartmentName ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t(m.due)}>{cnTime(k.replyDueAt)}</Descriptions.Item>
              {k.reply && (
                <Descriptions.Item label={t(m.reply)}>
                  {k.reply}（{k.repliedByName} {cnTime(k.repliedAt)}）
                </Descriptions.Item>
              )}
              {k.assessment && (
                <Descriptions.Item label={t(m.assessment)}>
                  {label(assessmentLabels[k.assessment])}
                </Descriptions.Item>
              )}
              {k.kind === 'praise' && (
                <Descriptions.Item label={t(m.bonus)}>{k.bonusPoints}</Descriptions.Item>
              )}
              {k.attachments.length > 0 && (
                <Descriptions.Item label={t(m.attachments)}>
                  <Space direction="vertical">
                    {k.attachments.map((a) => (
                      <a key={a.id} href={`/api/complaints/${k.id}/attachments/${a.id}`}>
                        {a.name}
                      </a>
                    ))}
                  </Space>
                </Descriptions.Item>
              )}
            </Descriptions>
            <ActionsAndHistory<ComplaintAction>
              actions={k.actions}
              events={k.events}
              labels={complaintActionLabels}
              historyTitle={t(m.history)}
              testIdPrefix="complaint-action"
              onAct={(a) => {
                form.resetFields();
                setActing(a);
              }}
            />
          </Space>
        )}
      </Drawer>
      <ActionDialog
        acting={acting}
        labels={complaintActionLabels}
        form={form}
        formName="complaintAction"
        onOk={() => void act()}
        onCancel={() => setActing(null)}
      >
        {acting === 'assign' && (
          <Form.Item name="departmentId" label={t(m.department)} rules={[{ required: true }]}>
            <Select
              showSearch
              optionFilterProp="label"
              options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
        )}
        {acting === 'reply' && (
          <Form.Item name="text" label={t(m.text)} rules={[{ required: true }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
        )}
        {acting === 'assess' && (
          <Form.Item name="assessment" label={t(m.assessment)} rules={[{ required: true }]}>
            <Radio.Group
              options={(['satisfied', 'basic', 'dissatisfied'] as const).map((x) => ({
                value: x,
                label: label(assessmentLabels[x]),
              }))}
            />
          </Form.Item>
        )}
        {acting === 'acknowledge' && (
          <Form.Item name="bonusPoints" label={t(m.bonus)} initialValue={1}>
            <InputNumber min={0} max={10} step={0.5} />
          </Form.Item>
        )}
        {acting && acting !== 'reply' && acting !== 'assess' && (
          <Form.Item name="note" label={t(m.note)} rules={[{ required: acting === 'reopen' }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
      </ActionDialog>
    </Space>
  );
}
