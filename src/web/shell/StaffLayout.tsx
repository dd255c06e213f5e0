import { Button, Dropdown, Layout, Menu, Space, Spin, Typography } from 'antd';
import { Suspense, useMemo } from 'react';
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { roleLabels } from '../../shared/contracts/roles';
import { useAuth } from '../auth/auth';
import { defineMessages, useLang, useT } from '../i18n/i18n';
import { groups, navItems } from '../nav';
import { LangSwitch } from './LangSwitch';
import { ChangePasswordButton } from './ChangePassword';
import { InboxBell } from '../supervision/InboxBell';

const m = defineMessages({
  brand: { zh: '一窗通', en: 'OneWindow' },
  logout: { zh: '退出登录', en: 'Log out' },
});

/** The signed-in shell: the menu shows only the screens the user's roles may open. */
export function StaffLayout() {
  const t = useT();
  const { lang } = useLang();
  const { me, ready, logout } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const visible = useMemo(
    () =>
      navItems.filter(
        (n) => !n.hidden && n.roles !== 'public' && me && n.roles.some((r) => me.roles.includes(r)),
      ),
    [me],
  );
  if (!ready) return <Spin fullscreen />;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  const grouped = Object.keys(groups)
    .map((g) => ({ g, items: visible.filter((n) => n.group === g) }))
    .filter((x) => x.items.length > 0);
  const roleText = me.roles.map((r) => (lang === 'en' ? roleLabels[r].en : roleLabels[r].zh)).join(' / ');
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider width={210} theme="light" breakpoint="lg" collapsedWidth={0}>
        <div style={{ padding: '16px 20px', fontWeight: 700, fontSize: 18, color: '#1677ff' }}>
          {t(m.brand)}
        </div>
        <Menu
          mode="inline"
          selectedKeys={[location.pathname]}
          data-testid="main-menu"
          items={grouped.map(({ g, items }) => ({
            type: 'group' as const,
            key: g,
            label: t(groups[g as keyof typeof groups]),
            children: items.map((n) => ({ key: n.path, label: <Link to={n.path}>{t(n.label)}</Link> })),
          }))}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{ background: '#fff', display: 'flex', justifyContent: 'space-between', paddingInline: 20 }}
        >
          <Typography.Text strong>{me.centerName ?? ''}</Typography.Text>
          <Space>
            <InboxBell />
            <LangSwitch />
            <Dropdown
              menu={{
                items: [
                  { key: 'pw', label: <ChangePasswordButton /> },
                  {
                    key: 'logout',
                    label: t(m.logout),
                    onClick: () => void logout().then(() => navigate('/login')),
                  },
                ],
              }}
            >
              <Button type="text" data-testid="user-menu">
                {me.displayName} · {roleText}
              </Button>
            </Dropdown>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 20 }}>
          <Suspense fallback={<Spin />}>
            <Outlet />
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}

/** Where a user lands after login: the first screen their roles may open. */
export function HomeRedirect() {
  const { me, ready } = useAuth();
  if (!ready) return <Spin fullscreen />;
  if (!me) return <Navigate to="/login" replace />;
  const first = navItems.find(
    (n) => n.roles !== 'public' && !n.hidden && n.roles.some((r) => me.roles.includes(r)),
  );
  return <Navigate to={first?.path ?? '/login'} replace />;
}
