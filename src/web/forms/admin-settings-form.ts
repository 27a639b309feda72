// Parses and validates the site settings form (/admin/settings): every key of SiteSettings,
// each one line, with its label and longest value; the domain, year, URL, time zone, moderation
// mode and sidebar poll checked. Values are what the editor typed (cleaned), for re-display.
import type { SiteSettings } from '../../domain/types.js';
import { DEFAULT_SETTINGS } from '../../services/site-settings.js';
import { isValidTimeZone } from '../../services/site-time.js';
import { COMMENTS_MESSAGES } from '../messages/comments.js';
import { SETTINGS_MESSAGES } from '../messages/settings.js';
import { singleField } from './single-field.js';
import { cleanLine } from './text-input.js';

type Key = keyof SiteSettings;
export type SettingsFormValues = Record<Key, string>;
export type SettingsFormErrors = Partial<Record<Key, string>>;

export const FIRST_YEAR = 1990;

/** Every setting in form order: its label and the longest value (characters) it takes. */
export const SETTING_FIELDS: readonly { key: Key; label: string; max: number; required: boolean }[] = [
  { key: 'siteName', label: '网站名称', max: 40, required: true },
  { key: 'siteDomain', label: '网站域名', max: 253, required: true },
  { key: 'siteDescription', label: '网站简介', max: 200, required: false },
  { key: 'copyrightStartYear', label: '版权起始年份', max: 4, required: true },
  { key: 'supervisor', label: '主管单位', max: 100, required: false },
  { key: 'legalCounsel', label: '本网法律顾问', max: 100, required: false },
  { key: 'browserHint', label: '浏览器提示', max: 200, required: false },
  { key: 'icpNumber', label: 'ICP 备案号', max: 60, required: false },
  { key: 'icpUrl', label: '备案号链接', max: 300, required: true },
  { key: 'publicSecurityNumber', label: '公安联网备案号', max: 40, required: false },
  { key: 'publicSecurityUrl', label: '公安备案链接', max: 300, required: false },
  { key: 'newsLicenseNumber', label: '互联网新闻信息服务许可证编号', max: 30, required: false },
  { key: 'reportPhone', label: '违法和不良信息举报电话', max: 30, required: false },
  { key: 'reportEmail', label: '举报邮箱', max: 100, required: false },
  { key: 'timeZone', label: '时区', max: 64, required: true },
  { key: 'commentModeration', label: '评论审核方式', max: 10, required: true },
  { key: 'reportHideThreshold', label: '举报隐藏门槛', max: 3, required: true },
  { key: 'submissionContactRetentionDays', label: '投稿联系方式保存天数', max: 4, required: true },
  { key: 'reportDetailRetentionDays', label: '举报说明保存天数', max: 4, required: true },
  { key: 'reprintSources', label: '可转载的稿源', max: 1000, required: false },
  { key: 'usageRules', label: '规范表述', max: 2000, required: false },
  { key: 'sidebarPollId', label: '侧栏投票', max: 16, required: false },
];

/** The label of each setting (the form, its errors, the audit line of a change). */
export const SETTING_LABELS = Object.fromEntries(SETTING_FIELDS.map((f) => [f.key, f.label])) as Record<Key, string>;

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const DOMAIN = new RegExp(`^(?:${LABEL}\\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$`);
const YEAR = /^\d{4}$/;
const ID = /^[1-9]\d{0,14}$/;

type LicenceKey = 'icpNumber' | 'publicSecurityNumber' | 'newsLicenseNumber' | 'reportPhone' | 'reportEmail';

/** The registration and reporting lines of the footer: their shape, and what to write when it is wrong. */
const LICENCE_FORMATS: Record<LicenceKey, { pattern: RegExp; message: string }> = {
  icpNumber: { pattern: /^[\u4e00-\u9fa5]ICP备\d{8,10}号(?:-\d{1,3})?$/u, message: SETTINGS_MESSAGES.icpInvalid },
  publicSecurityNumber: { pattern: /^[\u4e00-\u9fa5]公网安备\s?\d{14}号$/u, message: SETTINGS_MESSAGES.publicSecurityInvalid },
  newsLicenseNumber: { pattern: /^\d{11}$/, message: SETTINGS_MESSAGES.newsLicenseInvalid },
  reportPhone: { pattern: /^(?:0\d{2,3}-?\d{7,8}|1[3-9]\d{9}|400-?\d{3}-?\d{4}|12377)$/, message: SETTINGS_MESSAGES.phoneInvalid },
  reportEmail: { pattern: /^[^\s@]{1,64}@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i, message: SETTINGS_MESSAGES.emailInvalid },
};

/** Empty (not yet filled in) and the demo value pass: the demo saves; the dashboard's 合规自检 flags both. */
function passesLicenceFormat(key: LicenceKey, value: string): boolean {
  return value === '' || value === DEFAULT_SETTINGS[key] || LICENCE_FORMATS[key].pattern.test(value);
}

/** Every setting is one line: a run of line breaks or tabs becomes one space, then the line is cleaned. */
function clean(raw: string): string {
  return cleanLine(raw.replace(/[\r\n\t]+/g, ' '));
}

function isHttpUrl(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '' && !url.username && !url.password;
  } catch {
    return false;
  }
}

/** currentYear: the year in the site's time zone, the latest copyright start year allowed. */
export function parseSettingsForm(
  body: unknown,
  options: { pollIds: Set<number>; currentYear: string },
): { values: SettingsFormValues; errors: SettingsFormErrors } {
  const M = SETTINGS_MESSAGES;
  const values = {} as SettingsFormValues;
  const errors: SettingsFormErrors = {};
  for (const { key, label, max, required } of SETTING_FIELDS) {
    const value = clean(singleField(body, key));
    values[key] = value;
    if (value === '') {
      if (required) errors[key] = M.required(label);
    } else if (Array.from(value).length > max) {
      errors[key] = M.tooLong(label, max);
    }
  }
  values.siteDomain = values.siteDomain.toLowerCase();
  if (!errors.siteDomain && !DOMAIN.test(values.siteDomain)) errors.siteDomain = M.domainInvalid;
  const year = values.copyrightStartYear;
  if (!errors.copyrightStartYear && (!YEAR.test(year) || Number(year) < FIRST_YEAR || year > options.currentYear)) {
    errors.copyrightStartYear = M.yearInvalid(FIRST_YEAR, options.currentYear);
  }
  if (!errors.icpUrl && !isHttpUrl(values.icpUrl)) errors.icpUrl = M.urlInvalid;
  if (!errors.publicSecurityUrl && values.publicSecurityUrl !== '' && !isHttpUrl(values.publicSecurityUrl))
    errors.publicSecurityUrl = M.urlInvalid;
  for (const [key, format] of Object.entries(LICENCE_FORMATS) as [LicenceKey, (typeof LICENCE_FORMATS)[LicenceKey]][]) {
    if (!errors[key] && !passesLicenceFormat(key, values[key])) errors[key] = format.message;
  }
  if (!errors.timeZone) {
    if (isValidTimeZone(values.timeZone)) {
      values.timeZone = new Intl.DateTimeFormat('en', { timeZone: values.timeZone }).resolvedOptions().timeZone;
    } else {
      errors.timeZone = M.timeZoneInvalid;
    }
  }
  if (values.commentModeration !== 'auto' && values.commentModeration !== 'review') {
    errors.commentModeration = COMMENTS_MESSAGES.modeInvalid;
  }
  if (!errors.reportHideThreshold && !/^[1-9]\d{0,2}$/.test(values.reportHideThreshold)) errors.reportHideThreshold = M.thresholdInvalid;
  for (const key of ['submissionContactRetentionDays', 'reportDetailRetentionDays'] as const) {
    if (!errors[key] && !/^[1-9]\d{0,3}$/.test(values[key])) errors[key] = M.daysInvalid;
  }
  const pollId = values.sidebarPollId;
  if (pollId !== '' && !(ID.test(pollId) && options.pollIds.has(Number(pollId)))) errors.sidebarPollId = M.pollInvalid;
  return { values, errors };
}
