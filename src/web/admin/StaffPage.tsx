import {
  App as AntApp,
  Button,
  Divider,
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
import type { StaffView } from '../../shared/contracts/org';
import { roleLabels, staffRoles, type StaffRole } from '../../shared/contracts/roles';
import { ruleMessages } from '../../shared/errors/zod-messages';
import { api } from '../api/client';
import { CenterSelect } from '../components/CenterSelect';
import { applyApiError } from '../components/forms';
import { useDepartments, useStaff, useWindows } from '../components/org-hooks';
import { defineMessages, useT, type Msg } from '../i18n/i18n';

const m = defineMessages({
  title: { zh: '人员与账号', en: 'Staff & accounts' },
  create: { zh: '新增人员', en: 'New staff member' },
  edit: { zh: '编辑', en: 'Edit' },
  editTitle: { zh: '编辑人员', en: 'Edit staff member' },
  accountAction: { zh: '账号', en: 'Account' },
  accountTitle: { zh: '登录账号：{username}', en: 'Login account: {username}' },
  name: { zh: '姓名', en: 'Name' },
  gender: { zh: '性别', en: 'Gender' },
  male: { zh: '男', en: 'Male' },
  female: { zh: '女', en: 'Female' },
  unknown: { zh: '未说明', en: 'Not stated' },
  post: { zh: '岗位', en: 'Post' },
  badgeNumber: { zh: '挂牌号', en: 'Badge number' },
  department: { zh: '所属部门', en: 'Department' },
  window: { zh: '窗口', en: 'Window' },
  phone: { zh: '联系电话', en: 'Phone' },
  backup: { zh: 'AB岗', en: 'Backup post' },
  backupOfField: { zh: '担任谁的B岗', en: 'Backup (B post) of' },
  backupOf: { zh: '{name} 的B岗', en: 'Backup of {name}' },
  account: { zh: '登录账号', en: 'Account' },
  noAccount: { zh: '无账号', en: 'No account' },
  disabled: { zh: '已停用', en: 'Disabled' },
  active: { zh: '在岗', en: 'Active' },
  inactive: { zh: '已离岗', en: 'Inactive' },
  withAccount: { zh: '同时创建登录账号', en: 'Create a login account' },
  username: { zh: '用户名', en: 'Username' },
  password: { zh: '初始密码', en: 'Initial password' },
  roles: { zh: '角色', en: 'Roles' },
  disableAccount: { zh: '停用账号', en: 'Disable account' },
  resetPassword: { zh: '重置密码（留空则不修改）', en: 'Reset password (leave empty to keep)' },
  saved: { zh: '已保存', en: 'Saved' },
});

const genders = ['male', 'female', 'unknown'] as const;
type Gender = (typeof genders)[number];

type StaffForm = {
  name: string;
  gender: Gender;
  post: string;
  badgeNumber: string;
  departmentId?: string | null;
  windowId?: string | null;
  backupOfId?: string | null;
  phone?: string;
  active?: boolean;
  withAccount?: boolean;
  account?: { username: string; password: string; roles: StaffRole[] };
};
type AccountForm = { roles: StaffRole[]; disabled: boolean; password?: string };

// The same words as the server's zod rules, so the inline hint and the API error read alike.
const passwordRule = (t: (m: Msg) => string) => ({
  validator: (_: unknown, v: string | undefined) =>
    !v || (v.length >= 8 && /[A-Za-z]/.test(v) && /\d/.test(v))
      ? Promise.resolve()
      : Promise.reject(new Error(t(ruleMessages['rule.password_strength']!))),
});

function useRoleOptions() {
  const t = useT();
  return staffRoles.map((r) => ({ value: r, label: t(roleLabels[r]) }));
}

export default function StaffPage() {
  const t = useT();
  const { message } = AntApp.useApp();
  const [centerId, setCenterId] = useState<string>();
  const staff = useStaff(centerId);
  const departments = useDepartments(centerId);
  const windows = useWindows(centerId);
  const roleOptions = useRoleOptions();
  const [editing, setEditing] = useState<StaffView | 'new' | null>(null);
  const [accountOf, setAccountOf] = useState<StaffView | null>(null);
  const [form] = Form.useForm<StaffForm>();
  const withAccount = Form.useWatch('withAccount', form);

  const open = (s: StaffView | 'new') => {
    setEditing(s);
    form.resetFields();
    form.setFieldsValue(
      s === 'new'
        ? { gender: 'unknown', withAccount: false }
        : {
            name: s.name,
            gender: s.gender,
            post: s.post,
            badgeNumber: s.badgeNumber,
            phone: s.phone,
            active: s.active,
            // antd Select shows a placeholder for undefined, not for null.
            departmentId: s.departmentId ?? undefined,
            windowId: s.windowId ?? undefined,
            backupOfId: s.backupOfId ?? undefined,
          },
    );
  };
  const save = async () => {
    const v = await form.validateFields();
    const fields = {
      name: v.name,
      gender: v.gender,
      post: v.post,
      badgeNumber: v.badgeNumber,
      phone: v.phone ?? '',
      departmentId: v.departmentId ?? null,
      windowId: v.windowId ?? null,
      backupOfId: v.backupOfId ?? null,
    };
    try {
      if (editing === 'new') {
        await api('POST', '/org/staff', {
          body: { ...fields, centerId, account: v.withAccount ? v.account : undefined },
        });
      } else if (editing) {
        await api('PATCH', `/org/staff/${editing.id}`, { body: { ...fields, active: v.active ?? true } });
      }
      void message.success(t(m.saved));
      setEditing(null);
      staff.reload();
    } catch (e) {
      applyApiError(form, e, (s) => void message.error(s));
    }
  };

  const editingId = editing !== 'new' && editing ? editing.id : null;
  const backupOptions = (staff.data ?? [])
    .filter((s) => s.id !== editingId)
    .map((s) => ({ value: s.id, label: `${s.name} · ${s.badgeNumber}` }));

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t(m.title)}
        </Typography.Title>
        <Space>
          <CenterSelect value={centerId} onChange={setCenterId} />
          <Button type="primary" onClick={() => open('new')} disabled={!centerId} data-testid="staff-create">
            {t(m.create)}
          </Button>
        </Space>
      </Space>
      <Table<StaffView>
        rowKey="id"
        loading={staff.loading}
        dataSource={staff.data ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: t(m.name), dataIndex: 'name' },
          { title: t(m.gender), dataIndex: 'gender', render: (g: Gender) => t(m[g]) },
          { title: t(m.post), dataIndex: 'post' },
          { title: t(m.badgeNumber), dataIndex: 'badgeNumber' },
          { title: t(m.department), dataIndex: 'departmentName' },
          { title: t(m.window), dataIndex: 'windowNumber' },
          { title: t(m.phone), dataIndex: 'phone' },
          {
            title: t(m.backup),
            key: 'backup',
            render: (_: unknown, s: StaffView) =>
              s.backupOfName ? t(m.backupOf, { name: s.backupOfName }) : '',
          },
          {
            title: t(m.account),
            key: 'account',
            render: (_: unknown, s: StaffView) =>
              s.account ? (
                <Space size={4} wrap>
                  <Typography.Text code>{s.account.username}</Typography.Text>
                  {s.account.roles.map((r) => (
                    <Tag key={r} color="blue">
                      {t(roleLabels[r])}
                    </Tag>
                  ))}
                  {s.account.disabled && <Tag color="red">{t(m.disabled)}</Tag>}
                </Space>
              ) : (
                <Typography.Text type="secondary">{t(m.noAccount)}</Typography.Text>
              ),
          },
          {
            title: t(m.active),
            dataIndex: 'active',
            render: (a: boolean) => (a ? '✓' : <Tag>{t(m.inactive)}</Tag>),
          },
          {
            title: '',
            key: 'actions',
            render: (_: unknown, s: StaffView) => (
              <Space>
                <a onClick={() => open(s)}>{t(m.edit)}</a>
                {s.account && <a onClick={() => setAccountOf(s)}>{t(m.accountAction)}</a>}
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t(m.create) : t(m.editTitle)}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
        okButtonProps={{ 'data-testid': 'staff-save' }}
        destroyOnHidden
        forceRender
      >
        <Form form={form} layout="vertical" name="staff">
          <Form.Item name="name" label={t(m.name)} rules={[{ required: true }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="gender" label={t(m.gender)}>
            <Select options={genders.map((g) => ({ value: g, label: t(m[g]) }))} />
          </Form.Item>
          <Form.Item name="post" label={t(m.post)} rules={[{ required: true }]}>
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item
            name="badgeNumber"
            label={t(m.badgeNumber)}
            rules={[{ required: true }, { pattern: /^[\w-]+$/, message: t(ruleMessages['rule.code']!) }]}
          >
            <Input maxLength={20} />
          </Form.Item>
          <Form.Item name="departmentId" label={t(m.department)}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
            />
          </Form.Item>
          <Form.Item name="windowId" label={t(m.window)}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={(windows.data ?? []).map((w) => ({ value: w.id, label: `${w.number} ${w.name}` }))}
            />
          </Form.Item>
          <Form.Item name="backupOfId" label={t(m.backupOfField)}>
            <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={backupOptions} />
          </Form.Item>
          <Form.Item name="phone" label={t(m.phone)}>
            <Input />
          </Form.Item>
          {editing !== 'new' && (
            <Form.Item name="active" label={t(m.active)} valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
          {editing === 'new' && (
            <>
              <Divider />
              <Form.Item name="withAccount" label={t(m.withAccount)} valuePropName="checked">
                <Switch data-testid="staff-with-account" />
              </Form.Item>
              {withAccount && (
                <>
                  <Form.Item
                    name={['account', 'username']}
                    label={t(m.username)}
                    rules={[
                      { required: true },
                      { min: 2 },
                      { pattern: /^[a-z0-9_.-]+$/, message: t(ruleMessages['rule.username']!) },
                    ]}
                  >
                    <Input autoComplete="off" maxLength={64} />
                  </Form.Item>
                  <Form.Item
                    name={['account', 'password']}
                    label={t(m.password)}
                    rules={[{ required: true }, passwordRule(t)]}
                  >
                    <Input.Password autoComplete="new-password" />
                  </Form.Item>
                  <Form.Item name={['account', 'roles']} label={t(m.roles)} rules={[{ required: true }]}>
                    <Select mode="multiple" options={roleOptions} />
                  </Form.Item>
                </>
              )}
            </>
          )}
        </Form>
      </Modal>
      {accountOf?.account && (
        <AccountModal
          staff={accountOf}
          onClose={() => setAccountOf(null)}
          onSaved={() => {
            setAccountOf(null);
            staff.reload();
          }}
        />
      )}
    </Space>
  );
}

/** Roles, disabling and password reset of an existing account; the server refuses to lock out oneself. */
function AccountModal({
  staff,
  onClose,
  onSaved,
}: {
  staff: StaffView;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT();
  const { message } = AntApp.useApp();
  const roleOptions = useRoleOptions();
  const [form] = Form.useForm<AccountForm>();
  const save = async () => {
    const v = await form.validateFields();
    try {
      await api('PATCH', `/org/staff/${staff.id}/account`, {
        body: { roles: v.roles, disabled: v.disabled, ...(v.password ? { password: v.password } : {}) },
      });
      void message.success(t(m.saved));
      onSaved();
    } catch (e) {
      applyApiError(form, e, (s) => void message.error(s));
    }
  };
  return (
    <Modal
      open
      title={t(m.accountTitle, { username: staff.account?.username ?? '' })}
      onOk={() => void save()}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'staff-account-save' }}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        name="staffAccount"
        initialValues={{ roles: staff.account?.roles ?? [], disabled: staff.account?.disabled ?? false }}
      >
        <Form.Item name="roles" label={t(m.roles)} rules={[{ required: true }]}>
          <Select mode="multiple" options={roleOptions} />
        </Form.Item>
        <Form.Item name="disabled" label={t(m.disableAccount)} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item name="password" label={t(m.resetPassword)} rules={[passwordRule(t)]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
