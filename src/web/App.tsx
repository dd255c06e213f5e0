import { App as AntApp, ConfigProvider, Result } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { createBrowserRouter, RouterProvider, type RouteObject } from 'react-router';
import { AuthProvider } from './auth/auth';
import { LangProvider, useLang } from './i18n/i18n';
import { navItems } from './nav';
import { usePrefersReducedMotion } from './shell/reduced-motion';
import { HomeRedirect, StaffLayout } from './shell/StaffLayout';

const lazy = (load: () => Promise<{ default: React.ComponentType }>) => async () => ({
  Component: (await load()).default,
});

const routes: RouteObject[] = [
  { path: '/login', lazy: lazy(() => import('./auth/LoginPage')) },
  // Public screens (portal pages, kiosk, hall display…) render without the staff shell.
  ...navItems.filter((n) => n.roles === 'public').map((n) => ({ path: n.path, lazy: lazy(n.load) })),
  {
    element: <StaffLayout />,
    children: [
      { path: '/', element: <HomeRedirect /> },
      ...navItems.filter((n) => n.roles !== 'public').map((n) => ({ path: n.path, lazy: lazy(n.load) })),
    ],
  },
  { path: '*', element: <Result status="404" title="404" /> },
];
const router = createBrowserRouter(routes);

function Themed() {
  const { lang } = useLang();
  const still = usePrefersReducedMotion();
  return (
    <ConfigProvider
      locale={lang === 'en' ? enUS : zhCN}
      theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6, motion: !still } }}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <AuthProvider>
          <RouterProvider router={router} />
        </AuthProvider>
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  return (
    <LangProvider>
      <Themed />
    </LangProvider>
  );
}
