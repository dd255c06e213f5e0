import { App as AntApp, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { api } from '../api/client';
import { applyApiError } from '../components/forms';
import { defineMessages, useT } from '../i18n/i18n';

const m = defineMessages({
  change: { zh: '修改密码', en: 'Change password' },
  current: { zh: '当前密码', en: 'Current password' },
  next: { zh: '新密码（至少 8 位，含字母和数字）', en: 'New password (8+ characters, letters and digits)' },
  done: { zh: '密码已修改', en: 'Password changed' },
});

export function ChangePasswordButton() {
  const t = useT();
  const { message } = AntApp.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<{ currentPassword: string; newPassword: string }>();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      await api('POST', '/auth/password', { body: v });
      void message.success(t(m.done));
      setOpen(false);
      form.resetFields();
    } catch (e) {
      applyApiError(form, e, (s) => void message.error(s));
    }
  };
  return (
    <>
      <span onClick={() => setOpen(true)}>{t(m.change)}</span>
      <Modal
        open={open}
        title={t(m.change)}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical">
          <Form.Item name="currentPassword" label={t(m.current)} rules={[{ required: true }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Form.Item name="newPassword" label={t(m.next)} rules={[{ required: true }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
