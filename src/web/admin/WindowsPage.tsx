import {
  App as AntApp,
  Button,
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
import type { WindowView } from '../../shared/contracts/org';
import { api } from '../api/client';
import { CenterSelect } from '../components/CenterSelect';
import { applyApiError } from '../components/forms';
import { useDepartments, useWindows } from '../components/org-hooks';
import { defineMessages, useT } from '../i18n/i18n';

const m = defineMessages({
  title: { zh: '窗口管理', en: 'Windows' },
  create: { zh: '新建窗口', en: 'New window' },
  edit: { zh: '编辑', en: 'Edit' },
  number: { zh: '窗口号', en: 'Number' },
  name: { zh: '名称', en: 'Name' },
  kind: { zh: '类型', en: 'Kind' },
  department: { zh: '所属部门', en: 'Department' },
  comprehensive: { zh: '综合窗口', en: 'Comprehensive' },
  departmentKind: { zh: '部门窗口', en: 'Department window' },
  hall: { zh: '所在大厅', en: 'Hall' },
  phone: { zh: '窗口电话', en: 'Phone' },
  active: { zh: '启用', en: 'Active' },
  saved: { zh: '已保存', en: 'Saved' },
});

type FormValues = {
  number: string;
  name: string;
  kind: 'department' | 'comprehensive';
  departmentId?: string | null;
  hall?: string;
  phone?: string;
  active?: boolean;
};

export default function WindowsPage() {
  const t = useT();
  const { message } = AntApp.useApp();
  const [centerId, setCenterId] = useState<string>();
  const windows = useWindows(centerId);
  const departments = useDepartments(centerId);
  const [editing, setEditing] = useState<WindowView | 'new' | null>(null);
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch('kind', form);

  const open = (w: WindowView | 'new') => {
    setEditing(w);
    form.resetFields();
    form.setFieldsValue(
      w === 'new' ? { kind: 'comprehensive', active: true } : { ...w, departmentId: w.departmentId },
    );
  };
  const save = async () => {
    const v = await form.validateFields();
    const body = { ...v, departmentId: v.kind === 'department' ? (v.departmentId ?? null) : null };
    try {
      if (editing === 'new') await api('POST', '/org/windows', { body: { ...body, centerId } });
      else if (editing) await api('PATCH', `/org/windows/${editing.id}`, { body });
      void message.success(t(m.saved));
      setEditing(null);
      windows.reload();
    } catch (e) {
      applyApiError(form, e, (s) => void message.error(s));
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t(m.title)}
        </Typography.Title>
        <Space>
          <CenterSelect value={centerId} onChange={setCenterId} />
          <Button type="primary" onClick={() => open('new')} disabled={!centerId}>
            {t(m.create)}
          </Button>
        </Space>
      </Space>
      <Table
        rowKey="id"
        loading={windows.loading}
        dataSource={windows.data ?? []}
        pagination={false}
        columns={[
          { title: t(m.number), dataIndex: 'number', width: 90 },
          { title: t(m.name), dataIndex: 'name' },
          {
            title: t(m.kind),
            dataIndex: 'kind',
            render: (k: string) =>
              k === 'comprehensive' ? (
                <Tag color="blue">{t(m.comprehensive)}</Tag>
              ) : (
                <Tag>{t(m.departmentKind)}</Tag>
              ),
          },
          { title: t(m.department), dataIndex: 'departmentName' },
          { title: t(m.hall), dataIndex: 'hall' },
          { title: t(m.phone), dataIndex: 'phone' },
          { title: t(m.active), dataIndex: 'active', render: (a: boolean) => (a ? '✓' : '—') },
          {
            title: '',
            key: 'edit',
            render: (_: unknown, w: WindowView) => <a onClick={() => open(w)}>{t(m.edit)}</a>,
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t(m.create) : t(m.edit)}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
        destroyOnHidden
        forceRender
      >
        <Form form={form} layout="vertical" name="window">
          <Form.Item name="number" label={t(m.number)} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="name" label={t(m.name)} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="kind" label={t(m.kind)} rules={[{ required: true }]}>
            <Select
              options={[
                { value: 'comprehensive', label: t(m.comprehensive) },
                { value: 'department', label: t(m.departmentKind) },
              ]}
            />
          </Form.Item>
          {kind === 'department' && (
            <Form.Item name="departmentId" label={t(m.department)} rules={[{ required: true }]}>
              <Select options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))} />
            </Form.Item>
          )}
          <Form.Item name="hall" label={t(m.hall)}>
            <Input />
          </Form.Item>
          <Form.Item name="phone" label={t(m.phone)}>
            <Input />
          </Form.Item>
          {editing !== 'new' && (
            <Form.Item name="active" label={t(m.active)} valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
