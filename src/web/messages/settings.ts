// The texts of the site settings (/admin/settings, admins only). The field labels are part of
// the form's field list (forms/admin-settings-form.ts); the moderation choice's text is the
// comments area's. One table per area: see site.ts.

export const SETTINGS_MESSAGES = {
  title: '网站设置',
  saved: '设置已保存，网站已同步更新。',
  unchanged: '设置没有变化。',
  required: (label: string) => `请填写${label}。`,
  tooLong: (label: string, max: number) => `${label}不能超过 ${max} 个字。`,
  domainInvalid: '域名格式不正确，只填写域名，例如 www.example.cn（不含 http:// 和路径）。',
  yearInvalid: (min: number, max: string) => `请填写 ${min} 到 ${max} 之间的四位年份。`,
  urlInvalid: '请填写以 http:// 或 https:// 开头的完整网址。',
  timeZoneInvalid: '请从列表中选择时区。',
  pollInvalid: '请选择一个已有的投票，或选“最新进行中的投票”。',
} as const;
