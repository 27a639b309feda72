// The texts of the user accounts area (/admin/users, admins only): the account form, its
// outcomes and the refusals that keep an admin. One table per area: see site.ts.

export const USERS_MESSAGES = {
  listTitle: '用户管理',
  newTitle: '新建用户',
  editTitle: (username: string) => `编辑用户 ${username}`,
  created: (username: string) => `已创建用户 ${username}。`,
  updated: (username: string) => `已保存用户 ${username}。`,
  unchanged: '用户资料没有变化。',
  deleted: (username: string) => `已删除用户 ${username}。`,
  usernameInvalid: '用户名须为 3-32 位小写字母、数字、下划线、点或连字符。',
  usernameTaken: '这个用户名已被使用。',
  displayNameRequired: '请填写显示名称。',
  displayNameTooLong: (max: number) => `显示名称不能超过 ${max} 个字。`,
  roleInvalid: '请选择角色。',
  passwordRequired: '请设置密码。',
  passwordTooShort: (min: number) => `密码至少 ${min} 个字符。`,
  passwordTooLong: (max: number) => `密码不能超过 ${max} 个字符。`,
  passwordMismatch: '两次输入的密码不一致。',
  cannotDeleteSelf: '不能删除自己的账户。',
  cannotDemoteSelf: '不能取消自己的管理员身份。',
  lastAdmin: '网站至少要保留一位管理员：不能删除或降级最后一位管理员。',
  userGone: '这个用户不存在或已被删除。',
} as const;
