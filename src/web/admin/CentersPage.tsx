import { App as AntApp, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { childLevel, type CenterLevel, type CenterView } from '../../shared/contracts/org';
import { ruleMessages } from '../../shared/errors/zod-messages';
import { api } from '../api/client';
import { applyApiError } from '../components/forms';
import { useCenters } from '../components/org-hooks';
import { defineMessages, useT } from '../i18n/i18n';

const m = defineMessages({
  title: { zh: '服务中心', en: 'Centers' },
  hint: {
    zh: '三级网络：县级政务服务中心 → 乡镇便民服务中心 → 村便民服务室',
    en: 'Three-level network: county center → township center → village room',
  },
  addChild: { zh: '新建下级', en: 'Add child' },
  createUnder: { zh: '在“{parent}”下新建', en: 'New center under “{parent}”' },
  edit: { zh: '编辑', en: 'Edit' },
  editTitle: { zh: '编辑服务中心', en: 'Edit center' },
  code: { zh: '编码', en: 'Code' },
  name: { zh: '名称', en: 'Name' },
  level: { zh: '层级', en: 'Level' },
  regionCode: { zh: '行政区划代码', en: 'Region code' },
  address: { zh: '地址', en: 'Address' },
  phone: { zh: '联系电话', en: 'Phone' },
  saved: { zh: '已保存', en: 'Saved' },
  county: { zh: '县级中心', en: 'County center' },
  township: { zh: '乡镇便民服务中心', en: 'Township center' },
  village: { zh: '村便民服务室', en: 'Village room' },
});

const levelColor: Record<CenterLevel, string> = { county: 'blue', township: 'green', village: 'gold' };

type TreeRow = CenterView & { children?: TreeRow[] };
type FormValues = {
  code: string;
  name: string;
  level: CenterLevel;
  regionCode: string;
  address?: string;
  phone?: string;
};
type Editing = { mode: 'create'; parent: CenterView } | { mode: 'edit'; center: CenterView } | null;

/**
 * Build the county → township → village tree from the flat, scope-filtered list. A center whose parent
 * lies outside the user's scope becomes a root, so a township administrator sees their own subtree.
 */
function buildTree(centers: readonly CenterView[]): TreeRow[] {
  const byId = new Map<string, TreeRow>(centers.map((c) => [c.id, { ...c }]));
  const roots: TreeRow[] = [];
  for (const row of byId.values()) {
    const parent = row.parentId ? byId.get(row.parentId) : undefined;
    if (parent) (parent.children ??= []).push(row);
    else roots.push(row);
  }
  const sort = (rows: TreeRow[]) => {
    rows.sort((a, b) => a.code.localeCompare(b.code));
    rows.forEach((r) => r.children && sort(r.children));
  };
  sort(roots);
  return roots;
}

export default function CentersPage() {
  const t = useT();
  const { message } = AntApp.useApp();
  const centers = useCenters();
  const tree = useMemo(() => buildTree(centers.data ?? []), [centers.data]);
  // Everything starts expanded; the user's collapses are remembered while the page is open.
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const expandedKeys = (centers.data ?? []).map((c) => c.id).filter((id) => !collapsed.has(id));
  const [editing, setEditing] = useState<Editing>(null);
  const [form] = Form.useForm<FormValues>();

  const levelText = (l: CenterLevel) => t(m[l]);
  const openCreate = (parent: CenterView) => {
    const level = childLevel[parent.level];
    if (!level) return;
    setEditing({ mode: 'create', parent });
    form.resetFields();
    // A child usually shares the first digits of its parent's region code.
    form.setFieldsValue({ level, regionCode: parent.regionCode });
  };
  const openEdit = (center: CenterView) => {
    setEditing({ mode: 'edit', center });
    form.resetFields();
    form.setFieldsValue(center);
  };
  const save = async () => {
    if (!editing) return;
    const v = await form.validateFields();
    const fields = { name: v.name, regionCode: v.regionCode, address: v.address ?? '', phone: v.phone ?? '' };
    try {
      if (editing.mode === 'create') {
        await api('POST', '/org/centers', {
          body: { ...fields, code: v.code, level: v.level, parentId: editing.parent.id },
        });
      } else {
        await api('PATCH', `/org/centers/${editing.center.id}`, { body: fields });
      }
      void message.success(t(m.saved));
      setEditing(null);
      centers.reload();
    } catch (e) {
      applyApiError(form, e, (s) => void message.error(s));
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t(m.title)}
      </Typography.Title>
      <Typography.Text type="secondary">{t(m.hint)}</Typography.Text>
      <Table<TreeRow>
        rowKey="id"
        loading={centers.loading}
        dataSource={tree}
        pagination={false}
        expandable={{
          expandedRowKeys: expandedKeys,
          onExpand: (open, row) =>
            setCollapsed((s) => {
              const next = new Set(s);
              if (open) next.delete(row.id);
              else next.add(row.id);
              return next;
            }),
        }}
        columns={[
          { title: t(m.name), dataIndex: 'name' },
          {
            title: t(m.level),
            dataIndex: 'level',
            render: (l: CenterLevel) => <Tag color={levelColor[l]}>{levelText(l)}</Tag>,
          },
          { title: t(m.code), dataIndex: 'code' },
          { title: t(m.regionCode), dataIndex: 'regionCode' },
          { title: t(m.address), dataIndex: 'address' },
          { title: t(m.phone), dataIndex: 'phone' },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, c: TreeRow) => (
              <Space>
                <a onClick={() => openEdit(c)}>{t(m.edit)}</a>
                {childLevel[c.level] && (
                  <a onClick={() => openCreate(c)} data-testid={`center-add-child-${c.code}`}>
                    {t(m.addChild)}
                  </a>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={
          editing?.mode === 'create' ? t(m.createUnder, { parent: editing.parent.name }) : t(m.editTitle)
        }
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
        okButtonProps={{ 'data-testid': 'center-save' }}
        destroyOnHidden
        forceRender
      >
        <Form form={form} layout="vertical" name="center">
          <Form.Item
            name="code"
            label={t(m.code)}
            rules={[{ required: true }, { pattern: /^[\w-]+$/, message: t(ruleMessages['rule.code']!) }]}
          >
            <Input disabled={editing?.mode === 'edit'} />
          </Form.Item>
          <Form.Item name="name" label={t(m.name)} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="level" label={t(m.level)}>
            {/* The level follows from the parent (county → township → village); shown, not chosen. */}
            <Select
              disabled
              options={(['county', 'township', 'village'] as const).map((l) => ({
                value: l,
                label: levelText(l),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="regionCode"
            label={t(m.regionCode)}
            rules={[
              { required: true },
              { pattern: /^\d{6,12}$/, message: t(ruleMessages['rule.region_code']!) },
            ]}
          >
            <Input inputMode="numeric" maxLength={12} />
          </Form.Item>
          <Form.Item name="address" label={t(m.address)}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="phone" label={t(m.phone)}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
