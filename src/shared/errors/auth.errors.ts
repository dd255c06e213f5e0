import type { ErrorCatalog } from './types';

export const authErrors = {
  LOGIN_FAILED: { status: 401, zh: '用户名或密码错误', en: 'Wrong username or password' },
  DATA_DIR_LOCKED: {
    status: 500,
    zh: '数据目录 {dir} 正被另一个进程（pid {pid}）使用；同一数据目录只能由一个 OneWindow 进程打开',
    en: 'The data directory {dir} is in use by another process (pid {pid}); only one OneWindow process may open it',
  },
} as const satisfies ErrorCatalog;
