import {
  App as AntApp,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { hotlineStatuses, type HotlineAction, type HotlineStatus } from '../../domain/evaluation/hotline';
import { satisfactionLevels } from '../../domain/evaluation/levels';
import { hotlineCategories } from '../../domain/evaluation/policy';
import {
  hotlineActionLabels,
  hotlineCategoryLabels,
  hotlineStatusLabels,
  levelLabels,
  supervisionReasonLabels,
} from '../../shared/contracts/evaluation-labels';
import {
  HotlineList,
  HotlineOrderView,
  hotlineKindLabels,
  type HotlineImportReport,
} from '../../shared/contracts/hotline';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { useAuth } from '../auth/auth';
import { CenterSelect } from '../components/CenterSelect';
import { applyApiError } from '../components/forms';
import { useDepartments } from '../components/org-hooks';
import { currentLang, defineMessages, useT } from '../i18n/i18n';
import { ActionDialog, ActionsAndHistory, cnTime, useLabel } from './evaluation-ui';
import { ApiKeysButton } from './HotlineKeys';

const m = defineMessages({
  title: { zh: '12345 热线工单', en: '12345 hotline work orders' },
  manual: { zh: '手工登记', en: 'Enter an order' },
  import: { zh: '导入 Excel / JSON', en: 'Import Excel / JSON' },
  imported: { zh: '新增 {c} 件，已存在 {e} 件，有误 {r} 行', en: '{c} new, {e} known, {r} rows with errors' },
  overdueOnly: { zh: '只看超期', en: 'Overdue only' },
  number: { zh: '工单编号', en: 'Number' },
  category: { zh: '类别', en: 'Category' },
  kind: { zh: '诉求类型', en: 'Kind' },
  titleCol: { zh: '标题', en: 'Title' },
  status: { zh: '状态', en: 'Status' },
  unit: { zh: '承办单位', en: 'Unit' },
  co: { zh: '协办', en: 'Co-units' },
  replyDue: { zh: '回复期限', en: 'Reply due' },
  signDue: { zh: '签收期限', en: 'Sign due' },
  returnDue: { zh: '可回退至', en: 'Return possible until' },
  supervised: { zh: '督办', en: 'Supervision' },
  overdue: { zh: '超期', en: 'Overdue' },
  caller: { zh: '来电人', en: 'Caller' },
  content: { zh: '诉求内容', en: 'Request' },
  reply: { zh: '回复', en: 'Reply' },
  received: { zh: '受理时间', en: 'Received' },
  history: { zh: '流转记录', en: 'History' },
  lead: { zh: '主办单位', en: 'Lead unit' },
  note: { zh: '说明', en: 'Note' },
  reason: { zh: '理由', en: 'Reason' },
  days: { zh: '延期工作日', en: 'Working days' },
  reached: { zh: '已联系上来电人', en: 'Reached the caller' },
  level: { zh: '满意度', en: 'Satisfaction' },
  saved: { zh: '已保存', en: 'Saved' },
  address: { zh: '地址', en: 'Address' },
  phone: { zh: '电话', en: 'Phone' },
});

/** 12345 orders at the center: the desk receives, dispatches, supervises; units sign, handle and reply. */
export default function HotlinePage() {
  const t = useT();
  const label = useLabel();
  const { me } = useAuth();
  const { message, modal } = AntApp.useApp();
  const [params, setParams] = useSearchParams();
  const [centerId, setCenterId] = useState<string>();
  const [status, setStatus] = useState<HotlineStatus>();
  const [overdue, setOverdue] = useState(false);
  const list = useApi(
    () =>
      api('GET', '/hotline/orders', {
        query: { centerId, status, overdue: overdue ? 'true' : undefined, pageSize: 200 },
        schema: HotlineList,
      }),
    [centerId, status, overdue],
  );
  const openId = params.get('id');
  const detail = useApi(
    () =>
      openId ? api('GET', `/hotline/orders/${openId}`, { schema: HotlineOrderView }) : Promise.resolve(null),
    [openId],
  );
  const departments = useDepartments(centerId);
  const desk = Boolean(me?.roles.some((r) => r === 'supervisor' || r === 'admin'));
  const [acting, setActing] = useState<HotlineAction | null>(null);
  const [entering, setEntering] = useState(false);
  const [form] = Form.useForm<Record<string, unknown>>();
  const [entry] = Form.useForm<Record<string, unknown>>();

  const act = async () => {
    if (!acting || !openId) return;
    const v = await form.validateFields();
    try {
      await api('POST', `/hotline/orders/${openId}/actions`, { body: { type: acting, ...v } });
      void message.success(t(m.saved));
      setActing(null);
      detail.reload();
      list.reload();
    } catch (e) {
      applyApiError(form, e, (s) => void message.error(s));
    }
  };
  const enter = async () => {
    const v = await entry.validateFields();
    try {
      await api('POST', '/hotline/orders', { body: { ...v, centerId } });
      setEntering(false);
      list.reload();
    } catch (e) {
      applyApiError(entry, e, (s) => void message.error(s));
    }
  };
  const upload = async (file: File) => {
    const body = new FormData();
    body.append('file', file);
    const res = await fetch(`/api/hotline/import?centerId=${centerId ?? ''}`, {
      method: 'POST',
      body,
      headers: { 'x-csrf-token': me?.csrfToken ?? '', 'accept-language': currentLang() },
    });
    const data = (await res.json()) as HotlineImportReport & { error?: { message: string } };
    if (!res.ok) return void message.error(data.error?.message ?? res.statusText);
    modal.info({
      title: t(m.imported, {
        c: data.created,
        e: data.existing,
        r: new Set(data.rejected.map((x) => x.row)).size,
      }),
      content: (
        <ul>
          {data.rejected.map((x) => (
            <li key={`${x.row}:${x.field}`}>{`#${x.row} ${x.field}: ${x.message}`}</li>
          ))}
        </ul>
      ),
    });
    list.reload();
  };
  const o = detail.data;
  const deptOptions = (departments.data ?? []).map((d) => ({ value: d.id, label: d.name }));

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
            placeholder={t(m.status)}
            style={{ width: 120 }}
            value={status}
            onChange={setStatus}
            options={hotlineStatuses.map((s) => ({ value: s, label: label(hotlineStatusLabels[s]) }))}
          />
          <span>{t(m.overdueOnly)}</span>
          <Switch checked={overdue} onChange={setOverdue} />
          {desk && (
            <>
              <Button
                onClick={() => {
                  entry.resetFields();
                  entry.setFieldsValue({ category: 'ordinary', kind: 'help' });
                  setEntering(true);
                }}
              >
                {t(m.manual)}
              </Button>
              <Upload
                accept=".xlsx,.json"
                showUploadList={false}
                beforeUpload={(f) => {
                  void upload(f);
                  return false;
                }}
              >
                <Button>{t(m.import)}</Button>
              </Upload>
              <ApiKeysButton centerId={centerId} />
            </>
          )}
        </Space>
      </Space>
      <Table
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        onRow={(x) => ({ onClick: () => setParams({ id: x.id }), style: { cursor: 'pointer' } })}
        columns={[
          { title: t(m.number), dataIndex: 'number' },
          {
            title: t(m.category),
            dataIndex: 'category',
            render: (c: keyof typeof hotlineCategoryLabels) => (
              <Tag color={c === 'urgent' ? 'red' : undefined}>{label(hotlineCategoryLabels[c])}</Tag>
            ),
          },
          { title: t(m.titleCol), dataIndex: 'title' },
          { title: t(m.unit), dataIndex: 'leadDepartmentName', render: (x: string | null) => x ?? '—' },
          {
            title: t(m.status),
            dataIndex: 'status',
            render: (s: HotlineStatus) => <Tag color="blue">{label(hotlineStatusLabels[s])}</Tag>,
          },
          {
            title: t(m.replyDue),
            key: 'due',
            render: (_: unknown, x: HotlineOrderView) => (
              <Space>
                {cnTime(x.replyDueAt)}
                {x.overdue && <Tag color="red">{t(m.overdue)}</Tag>}
              </Space>
            ),
          },
          {
            title: t(m.supervised),
            dataIndex: 'supervisionLevel',
            render: (n: number) => (n > 0 ? <Tag color="volcano">{n}</Tag> : '—'),
          },
        ]}
      />
      <Drawer
        open={Boolean(openId)}
        onClose={() => setParams({})}
        width={640}
        title={o ? `${o.number} ${o.title}` : ''}
        destroyOnHidden
      >
        {o && (
          <Space direction="vertical" style={{ width: '100%' }} data-testid="hotline-detail">
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label={t(m.status)}>
                {label(hotlineStatusLabels[o.status])}
              </Descriptions.Item>
              <Descriptions.Item label={t(m.category)}>
                {label(hotlineCategoryLabels[o.category])} · {label(hotlineKindLabels[o.kind])}
              </Descriptions.Item>
              <Descriptions.Item
                label={t(m.caller)}
              >{`${o.callerName} ${o.callerPhone} ${o.address}`}</Descriptions.Item>
              <Descriptions.Item label={t(m.received)}>{cnTime(o.receivedAt)}</Descriptions.Item>
              <Descriptions.Item label={t(m.content)}>{o.content}</Descriptions.Item>
              <Descriptions.Item label={t(m.unit)}>
                {o.leadDepartmentName ?? '—'}
                {o.coDepartments.length > 0 &&
                  `（${t(m.co)}：${o.coDepartments.map((d) => d.name).join('、')}）`}
              </Descriptions.Item>
              <Descriptions.Item label={t(m.signDue)}>{cnTime(o.signDueAt)}</Descriptions.Item>
              <Descriptions.Item label={t(m.replyDue)}>{cnTime(o.replyDueAt)}</Descriptions.Item>
              <Descriptions.Item label={t(m.returnDue)}>{cnTime(o.returnDueAt)}</Descriptions.Item>
              {o.supervised.length > 0 && (
                <Descriptions.Item label={t(m.supervised)}>
                  {o.supervised
                    .map((s) => label(supervisionReasonLabels[s as keyof typeof supervisionReasonLabels], s))
                    .join('、')}
                </Descriptions.Item>
              )}
              {o.reply && <Descriptions.Item label={t(m.reply)}>{o.reply}</Descriptions.Item>}
              {o.satisfaction && (
                <Descriptions.Item label={t(m.level)}>{label(levelLabels[o.satisfaction])}</Descriptions.Item>
              )}
            </Descriptions>
            <ActionsAndHistory<HotlineAction>
              actions={o.actions}
              events={o.events}
              labels={hotlineActionLabels}
              historyTitle={t(m.history)}
              testIdPrefix="hotline-action"
              color={(a) => (a === 'supervise' ? 'red' : a === 'return' ? 'orange' : 'blue')}
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
        labels={hotlineActionLabels}
        form={form}
        formName="hotlineAction"
        onOk={() => void act()}
        onCancel={() => setActing(null)}
      >
        {acting === 'dispatch' && (
          <>
            <Form.Item name="leadDepartmentId" label={t(m.lead)} rules={[{ required: true }]}>
              <Select showSearch optionFilterProp="label" options={deptOptions} />
            </Form.Item>
            <Form.Item name="coDepartmentIds" label={t(m.co)} initialValue={[]}>
              <Select mode="multiple" optionFilterProp="label" options={deptOptions} />
            </Form.Item>
          </>
        )}
        {(acting === 'handle' || acting === 'supervise' || acting === 'visit') && (
          <Form.Item name="note" label={t(m.note)} rules={[{ required: true }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
        )}
        {acting === 'visit' && (
          <Form.Item name="reached" label={t(m.reached)} valuePropName="checked" initialValue>
            <Switch />
          </Form.Item>
        )}
        {(acting === 'return' || acting === 'reject_reply' || acting === 'extend') && (
          <Form.Item name="reason" label={t(m.reason)} rules={[{ required: true }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
        {acting === 'extend' && (
          <Form.Item name="days" label={t(m.days)} rules={[{ required: true }]}>
            <InputNumber min={1} max={60} />
          </Form.Item>
        )}
        {acting === 'reply' && (
          <Form.Item name="text" label={t(m.reply)} rules={[{ required: true }]}>
            <Input.TextArea rows={4} />
          </Form.Item>
        )}
        {acting === 'evaluate' && (
          <Form.Item name="level" label={t(m.level)} rules={[{ required: true }]}>
            <Select options={satisfactionLevels.map((l) => ({ value: l, label: label(levelLabels[l]) }))} />
          </Form.Item>
        )}
      </ActionDialog>
      <Modal
        open={entering}
        title={t(m.manual)}
        onOk={() => void enter()}
        onCancel={() => setEntering(false)}
        forceRender
        width={620}
      >
        <Form form={entry} layout="vertical" name="hotlineEntry">
          <Space wrap>
            <Form.Item name="number" label={t(m.number)} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="category" label={t(m.category)}>
              <Select
                style={{ width: 110 }}
                options={hotlineCategories.map((c) => ({ value: c, label: label(hotlineCategoryLabels[c]) }))}
              />
            </Form.Item>
            <Form.Item name="kind" label={t(m.kind)}>
              <Select
                style={{ width: 110 }}
                options={Object.entries(hotlineKindLabels).map(([k, l]) => ({ value: k, label: label(l) }))}
              />
            </Form.Item>
          </Space>
          <Form.Item name="title" label={t(m.titleCol)} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="content" label={t(m.content)} rules={[{ required: true }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="callerName" label={t(m.caller)}>
              <Input />
            </Form.Item>
            <Form.Item name="callerPhone" label={t(m.phone)}>
              <Input />
            </Form.Item>
            <Form.Item name="address" label={t(m.address)}>
              <Input />
            </Form.Item>
          </Space>
        </Form>
      </Modal>
    </Space>
  );
}
