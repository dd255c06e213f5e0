import { Layout, Space, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { defineMessages, useT } from '../../i18n/i18n';
import { LangSwitch } from '../../shell/LangSwitch';

const m = defineMessages({
  brand: { zh: '一窗通 · 政务服务', en: 'OneWindow · Public services' },
  guides: { zh: '办事指南', en: 'Service guides' },
  board: { zh: '公示牌', en: 'Notice board' },
  login: { zh: '登录', en: 'Log in' },
});

/** The frame of the public pages: no login, narrow enough for a phone, wide enough for a kiosk. */
export function PublicShell({ children }: { children: ReactNode }) {
  const t = useT();
  return (
    <Layout style={{ minHeight: '100vh', background: '#f5f7fa' }}>
      <Layout.Header
        style={{
          background: '#fff',
          paddingInline: 16,
          display: 'flex',
          justifyContent: 'space-between',
          alignItems: 'center',
          flexWrap: 'wrap',
          height: 'auto',
          lineHeight: '48px',
        }}
      >
        <Link to="/guides">
          <Typography.Text strong style={{ color: '#1677ff', fontSize: 17 }}>
            {t(m.brand)}
          </Typography.Text>
        </Link>
        <Space>
          <Link to="/guides">{t(m.guides)}</Link>
          <Link to="/board">{t(m.board)}</Link>
          <Link to="/login">{t(m.login)}</Link>
          <LangSwitch />
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 12, width: '100%', maxWidth: 980, margin: '0 auto' }}>
        {children}
      </Layout.Content>
    </Layout>
  );
}
