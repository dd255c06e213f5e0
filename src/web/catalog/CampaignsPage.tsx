import { App as AntApp, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { z } from 'zod';
import { CampaignSummary, CampaignView, type StatusCounts } from '../../shared/contracts/catalog-campaigns';
import { api } from '../api/client';
import { useApi } from '../api/use-api';
import { useAuth } from '../auth/auth';
import { CenterSelect } from '../components/CenterSelect';
import { applyApiError } from '../components/forms';
import { useDepartments } from '../components/org-hooks';
import { defineMessages, useT, type Msg } from '../i18n/i18n';

const m = defineMessages({
  title: { zh: '事项清理', en: 'Catalog clean-up campaigns' },
  create: { zh: '新建清理工作', en: 'New campaign' },
  name: { zh: '名称', en: 'Name' },
  description: { zh: '说明', en: 'Description' },
  phases: { zh: '阶段', en: 'Phases' },
  phaseName: { zh: '阶段名称', en: 'Phase' },
  departments: { zh: '参加部门', en: 'Departments' },
  addPhase: { zh: '添加阶段', en: 'Add phase' },
  status: { zh: '状态', en: 'Status' },
  open: { zh: '未完成版本', en: 'Open versions' },
  start: { zh: '开始', en: 'Start' },
  close: { zh: '结束', en: 'Close' },
  complete: { zh: '完成本阶段', en: 'Complete phase' },
  startPhase: { zh: '开始本阶段（为各部门事项生成草稿）', en: 'Start phase (opens a draft of every item)' },
  opened: {
    zh: '已生成 {n} 个草稿，跳过 {s} 个已在修订的事项',
    en: '{n} drafts opened, {s} items already under revision skipped',
  },
  counts: {
    zh: '草稿 {draft} · 部门审核 {department_review} · 中心审核 {center_review} · 已发布 {published} · 已取消 {cancelled}',
    en: 'draft {draft} · dept. review {department_review} · center review {center_review} · published {published} · cancelled {cancelled}',
  },
});

const statusLabels: Record<string, Msg> = {
  planning: { zh: '筹备中', en: 'Planning' },
  active: { zh: '进行中', en: 'Active' },
  closed: { zh: '已结束', en: 'Closed' },
  pending: { zh: '未开始', en: 'Pending' },
  completed: { zh: '已完成', en: 'Completed' },
};
const statusColor: Record<string, string> = {
  planning: 'default',
  active: 'blue',
  closed: 'green',
  pending: 'default',
  completed: 'green',
};

export default function CampaignsPage() {
  const t = useT();
  const { message } = AntApp.useApp();
  const { hasRole } = useAuth();
  const admin = hasRole('admin');
  const [centerId, setCenterId] = useState<string>();
  const [selected, setSelected] = useState<string>();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<{
    name: string;
    description?: string;
    phases: { name: string; departmentIds: string[] }[];
  }>();
  const departments = useDepartments(centerId);
  const list = useApi(
    () => api('GET', '/catalog/campaigns', { query: { centerId }, schema: z.array(CampaignSummary) }),
    [centerId],
  );
  const detail = useApi(
    () =>
      selected
        ? api('GET', `/catalog/campaigns/${selected}`, { schema: CampaignView })
        : Promise.resolve(undefined),
    [selected],
  );

  const run = async (path: string, action: string) => {
    try {
      const r = await api<{ draftsOpened?: number; skipped?: number }>('POST', path, { body: { action } });
      if (r.draftsOpened !== undefined)
        void message.success(t(m.opened, { n: r.draftsOpened, s: r.skipped ?? 0 }));
      list.reload();
      detail.reload();
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const create = async () => {
    const v = await form.validateFields();
    try {
      const c = await api<{ id: string }>('POST', '/catalog/campaigns', {
        body: { centerId, name: v.name, description: v.description ?? '', phases: v.phases },
      });
      setCreating(false);
      list.reload();
      setSelected(c.id);
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
        <Space>
          <CenterSelect value={centerId} onChange={setCenterId} />
          {admin && (
            <Button
              type="primary"
              onClick={() => {
                form.resetFields();
                form.setFieldsValue({ phases: [{ name: '第一阶段', departmentIds: [] }] });
                setCreating(true);
              }}
            >
              {t(m.create)}
            </Button>
          )}
        </Space>
      </Space>
      <Table
        rowKey="id"
        loading={list.loading}
        dataSource={list.data ?? []}
        pagination={false}
        onRow={(r) => ({ onClick: () => setSelected(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t(m.name), dataIndex: 'name' },
          {
            title: t(m.status),
            dataIndex: 'status',
            render: (s: string) => <Tag color={statusColor[s]}>{t(statusLabels[s]!)}</Tag>,
          },
          { title: t(m.phases), dataIndex: 'phaseCount' },
          { title: t(m.open), dataIndex: 'openVersions' },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, r) =>
              admin && r.status !== 'closed' ? (
                <Button
                  size="small"
                  onClick={() =>
                    void run(
                      `/catalog/campaigns/${r.id}/actions`,
                      r.status === 'planning' ? 'start' : 'close',
                    )
                  }
                >
                  {t(r.status === 'planning' ? m.start : m.close)}
                </Button>
              ) : null,
          },
        ]}
      />
      {detail.data && (
        <Card size="small" title={detail.data.name}>
          <Typography.Paragraph>{detail.data.description}</Typography.Paragraph>
          {detail.data.phases.map((p) => (
            <Card
              key={p.id}
              size="small"
              type="inner"
              style={{ marginBottom: 8 }}
              title={
                <Space>
                  {p.name}
                  <Tag color={statusColor[p.status]}>{t(statusLabels[p.status]!)}</Tag>
                </Space>
              }
              extra={
                admin && detail.data!.status === 'active' && p.status !== 'completed' ? (
                  <Button
                    size="small"
                    onClick={() =>
                      void run(
                        `/catalog/campaigns/${detail.data!.id}/phases/${p.id}/actions`,
                        p.status === 'pending' ? 'start' : 'complete',
                      )
                    }
                  >
                    {t(p.status === 'pending' ? m.startPhase : m.complete)}
                  </Button>
                ) : null
              }
            >
              {p.departments.map((d) => (
                <div key={d.id}>
                  <Typography.Text strong>{d.name}</Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {t(m.counts, d.counts as StatusCounts & Record<string, number>)}
                  </Typography.Text>
                </div>
              ))}
            </Card>
          ))}
        </Card>
      )}
      <Modal
        open={creating}
        title={t(m.create)}
        onOk={() => void create()}
        onCancel={() => setCreating(false)}
        width={720}
        destroyOnHidden
        forceRender
      >
        <Form form={form} layout="vertical" name="campaign">
          <Form.Item name="name" label={t(m.name)} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="description" label={t(m.description)}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.List name="phases">
            {(fields, { add, remove }) => (
              <>
                {fields.map((f) => (
                  <Space key={f.key} align="start" wrap>
                    <Form.Item name={[f.name, 'name']} rules={[{ required: true }]}>
                      <Input placeholder={t(m.phaseName)} style={{ width: 160 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'departmentIds']} rules={[{ required: true }]}>
                      <Select
                        mode="multiple"
                        placeholder={t(m.departments)}
                        style={{ width: 420 }}
                        options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
                      />
                    </Form.Item>
                    {fields.length > 1 && (
                      <Button type="link" danger onClick={() => remove(f.name)}>
                        ×
                      </Button>
                    )}
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add({ name: '', departmentIds: [] })}>
                  + {t(m.addPhase)}
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </Modal>
    </Space>
  );
}
