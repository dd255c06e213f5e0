import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { defineMessages, useT } from '../i18n/i18n';
import { LangSwitch } from '../shell/LangSwitch';
import { useAuth } from './auth';

const m = defineMessages({
  title: { zh: '一窗通 · 政务服务中心', en: 'OneWindow · Government Service Center' },
  username: { zh: '用户名', en: 'Username' },
  password: { zh: '密码', en: 'Password' },
  submit: { zh: '登录', en: 'Log in' },
  required: { zh: '必填', en: 'Required' },
  portal: {
    zh: '办事群众：查询进度、查看办事指南无需登录',
    en: 'Applicants: progress lookup and guides need no login',
  },
});

export default function LoginPage() {
  const t = useT();
  const { login } = useAuth();
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onFinish = async (v: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await login(v.username, v.password);
      void navigate('/', { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div style={{ minHeight: '100vh', display: 'grid', placeItems: 'center', background: '#f0f5ff' }}>
      <Card style={{ width: 380 }} extra={<LangSwitch />} title={t(m.title)}>
        <Form
          layout="vertical"
          onFinish={(v: { username: string; password: string }) => void onFinish(v)}
          requiredMark={false}
        >
          <Form.Item
            name="username"
            label={t(m.username)}
            rules={[{ required: true, message: t(m.required) }]}
          >
            <Input autoFocus autoComplete="username" />
          </Form.Item>
          <Form.Item
            name="password"
            label={t(m.password)}
            rules={[{ required: true, message: t(m.required) }]}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} showIcon />}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t(m.submit)}
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
          {t(m.portal)}
        </Typography.Paragraph>
      </Card>
    </div>
  );
}
