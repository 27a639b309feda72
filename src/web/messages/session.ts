// The texts of the editors' log-in (/admin/login): a refused log-in and the lock-out after too
// many. One table per area: see site.ts.

export const SESSION_MESSAGES = {
  loginFailed: '用户名或密码错误。连续多次失败后，账户将被暂时锁定 15 分钟。',
  loginTooMany: '登录失败次数过多，请 15 分钟后再试。',
} as const;
