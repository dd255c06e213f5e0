// The demo's logins, on their own so the tests and the start-up banner can name them without
// loading the demo itself.

/** The password of every demo account. For the demo only: the README says so. */
export const DEMO_PASSWORD = 'OneWindow2026';

export const DEMO_ACCOUNTS: { password: string; list: { username: string; label: string }[] } = {
  password: DEMO_PASSWORD,
  list: [
    { username: 'admin', label: '中心管理员 center administrator' },
    { username: 'supervisor', label: '督查员 supervisor' },
    { username: 'officer', label: '综合窗口受理员 window officer' },
    { username: 'chief', label: '首席代表 chief representative (市场监管)' },
    { username: 'approver', label: '部门审批人 department approver (市场监管)' },
    { username: 'village', label: '村便民服务室受理员 village acceptor' },
    { username: 'proxy', label: '代办员 proxy agent' },
    { username: 'leader', label: '领导 leader' },
    { username: 'zhangsan', label: '办事群众 applicant (person)' },
    { username: 'qiye', label: '企业 applicant (enterprise)' },
  ],
};
