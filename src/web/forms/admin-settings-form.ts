// Parses and validates the site settings form (/admin/settings): every key of SiteSettings,
// each one line, with its label and longest value; the domain, year, URL, time zone, moderation
// mode and sidebar poll checked. Values are what the editor typed (cleaned), for re-display.
import type { SiteSettings } from '../../domain/types.js';
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
  { key: 'timeZone', label: '时区', max: 64, required: true },
  { key: 'commentModeration', label: '评论审核方式', max: 10, required: true },
  { key: 'sidebarPollId', label: '侧栏投票', max: 16, required: false },
];

/** The label of each setting (the form, its errors, the audit line of a change). */
export const SETTING_LABELS = Object.fromEntries(SETTING_FIELDS.map((f) => [f.key, f.label])) as Record<Key, string>;

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const DOMAIN = new RegExp(`^(?:${LABEL}\\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$`);
const YEAR = /^\d{4}$/;
const ID = /^[1-9]\d{0,14}$/;

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
  const pollId = values.sidebarPollId;
  if (pollId !== '' && !(ID.test(pollId) && options.pollIds.has(Number(pollId)))) errors.sidebarPollId = M.pollInvalid;
  return { values, errors };
}
