import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { LoginBody, Me } from '../../shared/contracts/auth';
import type { Role } from '../../shared/contracts/roles';
import { api, ApiError, setCsrfToken } from '../api/client';

interface AuthState {
  me: Me | null;
  ready: boolean;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  hasRole: (...roles: Role[]) => boolean;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    api('GET', '/auth/me', { schema: Me })
      .then((m) => {
        setCsrfToken(m.csrfToken);
        setMe(m);
      })
      .catch((e: unknown) => {
        if (!(e instanceof ApiError) || e.status !== 401) console.error(e);
      })
      .finally(() => setReady(true));
  }, []);
  const login = useCallback(async (username: string, password: string) => {
    const m = await api('POST', '/auth/login', { body: LoginBody.parse({ username, password }), schema: Me });
    setCsrfToken(m.csrfToken);
    setMe(m);
    return m;
  }, []);
  const logout = useCallback(async () => {
    await api('POST', '/auth/logout');
    setCsrfToken('');
    setMe(null);
  }, []);
  const value = useMemo<AuthState>(
    () => ({
      me,
      ready,
      login,
      logout,
      hasRole: (...roles) => !!me && roles.some((r) => me.roles.includes(r)),
    }),
    [me, ready, login, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const a = useContext(AuthContext);
  if (!a) throw new Error('useAuth outside AuthProvider');
  return a;
}
