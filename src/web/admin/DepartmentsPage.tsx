import { App as AntApp, Button, Form, Input, Modal, Space, Switch, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { DepartmentView } from '../../shared/contracts/org';
import { ruleMessages } from '../../shared/errors/zod-messages';
import { api } from '../api/client';
import { CenterSelect } from '../components/CenterSelect';
import { applyApiError } from '../components/forms';
import { useDepartments } from '../components/org-hooks';
import { defineMessages, useT } from '../i18n/i18n';

const m = defineMessages({
  title: { zh: '进驻部门', en: 'Departments' },
  create: { zh: '新建部门', en: 'New department' },
  edit: { zh: '编辑', en: 'Edit' },
  editTitle: { zh: '编辑部门', en: 'Edit department' },
  code: { zh: '部门编码', en: 'Code' },
  name: { zh: '部门名称', en: 'Name' },
  shortName: { zh: '简称', en: 'Short name' },
  creditCode: { zh: '统一社会信用代码', en: 'Unified social credit code' },
  phone: { zh: '联系电话', en: 'Phone' },
  active: { zh: '启用', en: 'Active' },
  inactive: { zh: '已停用', en: 'Inactive' },
  saved: { zh: '已保存', en: 'Saved' },
});

type FormValues = {
  code: string;
  name: string;
  shortName: string;
  creditCode?: string;
  phone?: string;
  active?: boolean;
};

/** The departments stationed in a center (进驻部门); the code is fixed once created. */
export default function DepartmentsPage() {
  const t = useT();
  const { message } = AntApp.useApp();
  const [centerId, setCenterId] = useState<string>();
  const departments = useDepartments(centerId);
  const [editing, setEditing] = useState<DepartmentView | 'new' | null>(null);
  const [form] = Form.useForm<FormValues>();

  const open = (d: DepartmentView | 'new') => {
    setEditing(d);
    form.resetFields();
    form.setFieldsValue(d === 'new' ? { active: true } : d);
  };
  const save = async () => {
    const v = await form.validateFields();
    const fields = {
      name: v.name,
      shortName: v.shortName,
      creditCode: (v.creditCode ?? '').toUpperCase(),
      phone: v.phone ?? '',
    };
    try {
      if (editing === 'new')
        await api('POST', '/org/departments', { body: { ...fields, centerId, code: v.code } });
      else if (editing)
        await api('PATCH', `/org/departments/${editing.id}`, {
          body: { ...fields, active: v.active ?? true },
        });
      void message.success(t(m.saved));
      setEditing(null);
      departments.reload();
    } catch (e) {
      applyApiError(form, e, (s) => void message.error(s));
    }
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t(m.title)}
        </Typography.Title>
        <Space>
          <CenterSelect value={centerId} onChange={setCenterId} />
          <Button
            type="primary"
            onClick={() => open('new')}
            disabled={!centerId}
            data-testid="department-create"
          >
            {t(m.create)}
          </Button>
        </Space>
      </Space>
      <Table<DepartmentView>
        rowKey="id"
        loading={departments.loading}
        dataSource={departments.data ?? []}
        pagination={false}
        columns={[
          { title: t(m.code), dataIndex: 'code', width: 120 },
          { title: t(m.name), dataIndex: 'name' },
          { title: t(m.shortName), dataIndex: 'shortName' },
          { title: t(m.creditCode), dataIndex: 'creditCode' },
          { title: t(m.phone), dataIndex: 'phone' },
          {
            title: t(m.active),
            dataIndex: 'active',
            render: (a: boolean) => (a ? '✓' : <Tag>{t(m.inactive)}</Tag>),
          },
          {
            title: '',
            key: 'edit',
            render: (_: unknown, d: DepartmentView) => <a onClick={() => open(d)}>{t(m.edit)}</a>,
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t(m.create) : t(m.editTitle)}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
        okButtonProps={{ 'data-testid': 'department-save' }}
        destroyOnHidden
        forceRender
      >
        <Form form={form} layout="vertical" name="department">
          <Form.Item
            name="code"
            label={t(m.code)}
            rules={[{ required: true }, { pattern: /^[\w-]+$/, message: t(ruleMessages['rule.code']!) }]}
          >
            <Input disabled={editing !== 'new'} maxLength={50} />
          </Form.Item>
          <Form.Item name="name" label={t(m.name)} rules={[{ required: true }]}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="shortName" label={t(m.shortName)} rules={[{ required: true }]}>
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item
            name="creditCode"
            label={t(m.creditCode)}
            // GB 32100: 18 characters from the code set without I, O, S, V, Z (same rule as the shared contract).
            rules={[{ pattern: /^[0-9A-HJ-NPQRTUWXY]{18}$/i, message: t(ruleMessages['rule.credit_code']!) }]}
          >
            <Input maxLength={18} />
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
