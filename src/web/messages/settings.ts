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
  icpInvalid: 'ICP 备案号格式不正确，例如：京ICP备12345678号-1。',
  publicSecurityInvalid: '公安联网备案号格式不正确，例如：京公网安备11010502000001号（14 位数字）。',
  newsLicenseInvalid: '互联网新闻信息服务许可证编号是 11 位数字，例如 11120170001。',
  phoneInvalid: '举报电话格式不正确：固定电话如 010-12345678，手机号 11 位，或 400 电话、12377。',
  emailInvalid: '举报邮箱格式不正确，例如 jubao@example.cn。',
  thresholdInvalid: '举报隐藏门槛是 1 到 999 之间的整数。',
  daysInvalid: '保存天数是 1 到 9999 之间的整数。',
  pollInvalid: '请选择一个已有的投票，或选“最新进行中的投票”。',
} as const;
