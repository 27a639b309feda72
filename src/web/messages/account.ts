// The texts of 我的账户 (/admin/account): the change-my-password form and its outcome. One table
// per area: see site.ts.

export const ACCOUNT_MESSAGES = {
  title: '我的账户',
  changed: '密码已修改。您在其他设备和浏览器上的登录已全部退出。',
  currentMissing: '请输入当前密码。',
  currentWrong: '当前密码不正确，密码没有修改。',
  passwordTooShort: (min: number) => `新密码至少 ${min} 个字符。`,
  passwordTooLong: (max: number) => `新密码不能超过 ${max} 个字符。`,
  sameAsUsername: '新密码不能与用户名相同。',
  sameAsCurrent: '新密码不能与当前密码相同。',
  mismatch: '两次输入的新密码不一致。',
} as const;
