import {
  App as AntApp,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { RectificationList, RectificationView } from '../../shared/contracts/evaluation';
import {
  rectificationActionLabels,
  rectificationStatusLabels,
} from '../../shared/contracts/evaluation-labels';
import type { RectificationAction, RectificationStatus } from '../../domain/evaluation/rectification';
import { rectificationStatuses } from '../../domain/evaluation/rectification';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { applyApiError } from '../components/forms';
import { defineMessages, useT } from '../i18n/i18n';
import { words } from '../i18n/words';
import { ActionDialog, ActionsAndHistory, cnTime, LevelTag, TagList, useLabel } from './evaluation-ui';

const m = defineMessages({
  title: { zh: '差评整改', en: 'Bad-review rectification' },
  status: { zh: '状态', en: 'Status' },
  overdueOnly: { zh: '只看超期', en: 'Overdue only' },
  subject: { zh: '办件/号票', en: 'Case / ticket' },
  level: { zh: '评价', en: 'Rating' },
  reasons: { zh: '原因', en: 'Reasons' },
  who: { zh: '窗口 / 人员 / 部门', en: 'Window / officer / department' },
  due: { zh: '当前环节期限', en: 'Step due' },
  created: { zh: '差评时间', en: 'Received' },
  overdue: { zh: '超期', en: 'Overdue' },
  comment: { zh: '评价内容', en: 'Comment' },
  evaluator: { zh: '评价人', en: 'Evaluator' },
  hidden: { zh: '（对被评价人匿名）', en: '(anonymous to the officer)' },
  returnVisit: { zh: '回访记录', en: 'Return visit' },
  decisionText: { zh: '核实处理意见', en: 'Verification' },
  feedback: { zh: '整改反馈', en: 'Feedback' },
  appeal: { zh: '申诉复核意见', en: 'Appeal decision' },
  extension: { zh: '延期', en: 'Extension' },
  rating: { zh: '办事人对整改的评价', en: 'Applicant’s rating of the outcome' },
  history: { zh: '处理过程', en: 'History' },
  note: { zh: '回访情况', en: 'What the applicant said' },
  reached: { zh: '已联系上办事人', en: 'Reached the applicant' },
  decision: { zh: '处理方式', en: 'Decision' },
  rectify: { zh: '限期整改', en: 'Rectify by a deadline' },
  explain: { zh: '解释说明（诉求缺乏法定依据）', en: 'Explain (no legal basis)' },
  appealOpt: { zh: '申诉复核（误评、恶意差评）', en: 'Appeal (mistaken or malicious)' },
  text: { zh: '意见', en: 'Opinion' },
  days: { zh: '延期工作日', en: 'Working days' },
  reason: { zh: '理由', en: 'Reason' },
  approve: { zh: '批准', en: 'Approve' },
  reject: { zh: '不批准', en: 'Reject' },
  accept: { zh: '申诉成立（剔除该评价）', en: 'Uphold (exclude the rating)' },
  dismiss: { zh: '申诉不成立', en: 'Dismiss' },
  satisfied: { zh: '满意', en: 'Satisfied' },
  basic: { zh: '基本满意', en: 'Fairly satisfied' },
  dissatisfied: { zh: '不满意', en: 'Dissatisfied' },
  done: { zh: '已提交', en: 'Saved' },
});

type Action = RectificationAction;

/** The 差评 loop for the departments and the supervisors: return visit, verification, rectification, appeal. */
export default function RectificationsPage() {
  const t = useT();
  const label = useLabel();
  const { message } = AntApp.useApp();
  const [params, setParams] = useSearchParams();
  const [status, setStatus] = useState<RectificationStatus>();
  const [overdue, setOverdue] = useState(false);
  const list = useApi(
    () =>
      api('GET', '/evaluation/rectifications', {
        query: { status, overdue: overdue ? 'true' : undefined, pageSize: 200 },
        schema: RectificationList,
      }),
    [status, overdue],
  );
  const openId = params.get('id');
  const detail = useApi(
    () =>
      openId
        ? api('GET', `/evaluation/rectifications/${openId}`, { schema: RectificationView })
        : Promise.resolve(null),
    [openId],
  );
  const [acting, setActing] = useState<Action | null>(null);
  const [form] = Form.useForm<Record<string, unknown>>();
  const open = (id: string | null) => setParams(id ? { id } : {});

  const submit = async () => {
    if (!acting || !openId) return;
    const v = await form.validateFields();
    try {
      await api('POST', `/evaluation/rectifications/${openId}/actions`, { body: { type: acting, ...v } });
      void message.success(t(m.done));
      setActing(null);
      detail.reload();
      list.reload();
    } catch (e) {
      applyApiError(form, e, (s) => void message.error(s));
    }
  };
  const r = detail.data;

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t(m.title)}
        </Typography.Title>
        <Space>
          <Select
            allowClear
            placeholder={t(m.status)}
            style={{ width: 180 }}
            value={status}
            onChange={setStatus}
            options={rectificationStatuses.map((s) => ({
              value: s,
              label: label(rectificationStatusLabels[s]),
            }))}
          />
          <span>{t(m.overdueOnly)}</span>
          <Switch checked={overdue} onChange={setOverdue} />
        </Space>
      </Space>
      <Table
        rowKey="id"
        data-testid="rectification-table"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        onRow={(x) => ({ onClick: () => open(x.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t(m.subject), dataIndex: 'subjectLabel' },
          {
            title: t(m.level),
            dataIndex: 'level',
            render: (l: RectificationView['level']) => <LevelTag level={l} />,
          },
          { title: t(m.reasons), dataIndex: 'tags', render: (x: string[]) => <TagList tags={x} /> },
          {
            title: t(m.who),
            key: 'who',
            render: (_: unknown, x: RectificationView) =>
              [x.windowNumber && t(words.windowNo, { n: x.windowNumber }), x.staffName, x.departmentName]
                .filter(Boolean)
                .join(' / '),
          },
          {
            title: t(m.status),
            dataIndex: 'status',
            render: (s: RectificationStatus) => <Tag color="blue">{label(rectificationStatusLabels[s])}</Tag>,
          },
          {
            title: t(m.due),
            key: 'due',
            render: (_: unknown, x: RectificationView) => (
              <Space>
                {cnTime(x.stepDueAt)}
                {x.overdue && <Tag color="red">{t(m.overdue)}</Tag>}
              </Space>
            ),
          },
          { title: t(m.created), dataIndex: 'createdAt', render: cnTime },
        ]}
      />
      <Drawer
        open={Boolean(openId)}
        onClose={() => open(null)}
        width={640}
        title={r?.subjectLabel}
        destroyOnHidden
      >
        {r && (
          <Space direction="vertical" style={{ width: '100%' }} data-testid="rectification-detail">
            <Space wrap>
              <Tag color="blue">{label(rectificationStatusLabels[r.status])}</Tag>
              <LevelTag level={r.level} />
              <TagList tags={r.tags} />
              {r.overdue && <Tag color="red">{t(m.overdue)}</Tag>}
            </Space>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t(m.comment)}>{r.comment || '—'}</Descriptions.Item>
              <Descriptions.Item label={t(m.evaluator)}>
                {r.evaluator ? `${r.evaluator.name || '—'} ${r.evaluator.phone}` : t(m.hidden)}
              </Descriptions.Item>
              <Descriptions.Item label={t(m.who)}>
                {[r.windowNumber && t(words.windowNo, { n: r.windowNumber }), r.staffName, r.departmentName]
                  .filter(Boolean)
                  .join(' / ')}
              </Descriptions.Item>
              <Descriptions.Item label={t(m.due)}>{cnTime(r.stepDueAt)}</Descriptions.Item>
              {r.returnVisitNote && (
                <Descriptions.Item label={t(m.returnVisit)}>{r.returnVisitNote}</Descriptions.Item>
              )}
              {r.decisionText && (
                <Descriptions.Item label={t(m.decisionText)}>{r.decisionText}</Descriptions.Item>
              )}
              {r.extension !== 'none' && (
                <Descriptions.Item label={t(m.extension)}>
                  {r.extension} {r.requestedExtensionDays ?? ''}
                </Descriptions.Item>
              )}
              {r.feedback && <Descriptions.Item label={t(m.feedback)}>{r.feedback}</Descriptions.Item>}
              {r.appealOpinion && (
                <Descriptions.Item label={t(m.appeal)}>{r.appealOpinion}</Descriptions.Item>
              )}
              {r.applicantRating && (
                <Descriptions.Item label={t(m.rating)}>{t(m[r.applicantRating])}</Descriptions.Item>
              )}
            </Descriptions>
            <ActionsAndHistory<Action>
              actions={r.actions}
              events={r.events}
              labels={rectificationActionLabels}
              historyTitle={t(m.history)}
              testIdPrefix="rect-action"
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
        labels={rectificationActionLabels}
        form={form}
        formName="rect"
        onOk={() => void submit()}
        onCancel={() => setActing(null)}
      >
        {acting === 'record_return_visit' && (
          <>
            <Form.Item name="note" label={t(m.note)} rules={[{ required: true }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.Item name="reached" label={t(m.reached)} valuePropName="checked" initialValue>
              <Switch />
            </Form.Item>
          </>
        )}
        {acting === 'decide' && (
          <>
            <Form.Item
              name="decision"
              label={t(m.decision)}
              rules={[{ required: true }]}
              initialValue="rectify"
            >
              <Radio.Group
                options={[
                  { value: 'rectify', label: t(m.rectify) },
                  { value: 'explain', label: t(m.explain) },
                  { value: 'appeal', label: t(m.appealOpt) },
                ]}
              />
            </Form.Item>
            <Form.Item name="text" label={t(m.text)} rules={[{ required: true }]}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        )}
        {acting === 'request_extension' && (
          <>
            <Form.Item name="days" label={t(m.days)} rules={[{ required: true }]}>
              <InputNumber min={1} max={60} />
            </Form.Item>
            <Form.Item name="reason" label={t(m.reason)} rules={[{ required: true }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        )}
        {(acting === 'decide_extension' || acting === 'decide_appeal') && (
          <>
            <Form.Item
              name={acting === 'decide_extension' ? 'approve' : 'accept'}
              rules={[{ required: true }]}
              initialValue
            >
              <Radio.Group
                options={[
                  { value: true, label: acting === 'decide_extension' ? t(m.approve) : t(m.accept) },
                  { value: false, label: acting === 'decide_extension' ? t(m.reject) : t(m.dismiss) },
                ]}
              />
            </Form.Item>
            <Form.Item name="opinion" label={t(m.text)} rules={[{ required: acting === 'decide_appeal' }]}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </>
        )}
        {acting === 'complete' && (
          <Form.Item name="feedback" label={t(m.feedback)} rules={[{ required: true }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
        {acting === 'rate' && (
          <Form.Item name="rating" label={t(m.rating)} rules={[{ required: true }]}>
            <Radio.Group
              options={(['satisfied', 'basic', 'dissatisfied'] as const).map((x) => ({
                value: x,
                label: t(m[x]),
              }))}
            />
          </Form.Item>
        )}
        {acting === 'close' && (
          <Form.Item name="reason" label={t(m.reason)} rules={[{ required: true }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
      </ActionDialog>
    </Space>
  );
}
