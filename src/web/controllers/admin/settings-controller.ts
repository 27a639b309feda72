// Site settings (/admin/settings, admins only): every key of SiteSettings, validated; a save
// refreshes the reader site's chrome at once (footer, time zone, sidebar poll, moderation).
import type { Request, Response } from 'express';
import type { SiteSettings } from '../../../domain/types.js';
import type { PollSummary } from '../../../repositories/poll-repository.js';
import { toSiteSettings } from '../../../services/site-settings.js';
import { isValidTimeZone, yearOf } from '../../../services/site-time.js';
import { timeZoneChoices } from '../../../services/time-zones.js';
import type { AdminContext } from '../../admin-context.js';
import { singleField } from '../../forms/single-field.js';

type Key = keyof SiteSettings;
type Values = Record<Key, string>;
type Errors = Partial<Record<Key, string>>;

const TEXT = {
  title: '网站设置',
  saved: '设置已保存，网站已同步更新。',
  unchanged: '设置没有变化。',
  required: (label: string) => `请填写${label}。`,
  tooLong: (label: string, max: number) => `${label}不能超过 ${max} 个字。`,
  domainInvalid: '域名格式不正确，只填写域名，例如 www.example.cn（不含 http:// 和路径）。',
  yearInvalid: (max: string) => `请填写 ${FIRST_YEAR} 到 ${max} 之间的四位年份。`,
  urlInvalid: '请填写以 http:// 或 https:// 开头的完整网址。',
  timeZoneInvalid: '请从列表中选择时区。',
  moderationInvalid: '请选择评论审核方式。',
  pollInvalid: '请选择一个已有的投票，或选“最新进行中的投票”。',
  fieldOnce: (name: string) => `字段 ${name} 只能提交一次。`,
};

const FIRST_YEAR = 1990;

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

const LABELS = Object.fromEntries(SETTING_FIELDS.map((f) => [f.key, f.label])) as Record<Key, string>;

// Control characters and bidirectional overrides (line breaks become spaces first: every setting is one line).
const CONTROLS = /[\u0000-\u001F\u007F-\u009F]/g;
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const DOMAIN = new RegExp(`^(?:${LABEL}\\.)+(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$`);
const YEAR = /^\d{4}$/;
const ID = /^[1-9]\d{0,14}$/;

function clean(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/[\r\n\t]+/g, ' ')
    .replace(CONTROLS, '')
    .replace(BIDI, '')
    .trim();
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

/** Parses and checks the form; values are what the editor typed (cleaned), for re-display. */
export function parseSettingsForm(body: unknown, options: { pollIds: Set<number>; currentYear: string }) {
  const values = {} as Values;
  const errors: Errors = {};
  for (const { key, label, max, required } of SETTING_FIELDS) {
    const value = clean(singleField(body, key));
    values[key] = value;
    if (value === '') {
      if (required) errors[key] = TEXT.required(label);
    } else if (Array.from(value).length > max) {
      errors[key] = TEXT.tooLong(label, max);
    }
  }
  values.siteDomain = values.siteDomain.toLowerCase();
  if (!errors.siteDomain && !DOMAIN.test(values.siteDomain)) errors.siteDomain = TEXT.domainInvalid;
  const year = values.copyrightStartYear;
  if (!errors.copyrightStartYear && (!YEAR.test(year) || Number(year) < FIRST_YEAR || year > options.currentYear)) {
    errors.copyrightStartYear = TEXT.yearInvalid(options.currentYear);
  }
  if (!errors.icpUrl && !isHttpUrl(values.icpUrl)) errors.icpUrl = TEXT.urlInvalid;
  if (!errors.timeZone) {
    if (isValidTimeZone(values.timeZone)) {
      values.timeZone = new Intl.DateTimeFormat('en', { timeZone: values.timeZone }).resolvedOptions().timeZone;
    } else {
      errors.timeZone = TEXT.timeZoneInvalid;
    }
  }
  if (values.commentModeration !== 'auto' && values.commentModeration !== 'review') errors.commentModeration = TEXT.moderationInvalid;
  const pollId = values.sidebarPollId;
  if (pollId !== '' && !(ID.test(pollId) && options.pollIds.has(Number(pollId)))) errors.sidebarPollId = TEXT.pollInvalid;
  return { values, errors };
}

export function settingsController({ repositories, clock, settingsService }: AdminContext) {
  const { settings } = repositories;

  function render(res: Response, values: Values, errors: Errors, polls: PollSummary[]) {
    res.render('admin/settings/edit', {
      title: TEXT.title,
      fields: SETTING_FIELDS,
      labels: LABELS,
      values,
      errors,
      polls,
      now: clock(),
      // the zone the site uses now stays in the list, a zone just refused does not
      timeZones: timeZoneChoices(errors.timeZone ? res.locals.site.timeZone : values.timeZone),
    });
  }

  return {
    async showSettings(_req: Request, res: Response) {
      const current = toSiteSettings(await settings.getAll());
      render(res, { ...current }, {}, await repositories.polls.listForAdmin(200, 0));
    },

    async updateSettings(req: Request, res: Response) {
      const polls = await repositories.polls.listForAdmin(200, 0);
      const currentYear = yearOf(clock(), res.locals.site.timeZone);
      const { values, errors } = parseSettingsForm(req.body, { pollIds: new Set(polls.map((p) => p.id)), currentYear });
      if (Object.keys(errors).length > 0) {
        res.status(422);
        return render(res, values, errors, polls);
      }
      const changed = await settingsService.update(res.locals.currentUser!, values as SiteSettings, LABELS);
      req.session.flash = changed.length === 0 ? { type: 'info', message: TEXT.unchanged } : { type: 'success', message: TEXT.saved };
      res.redirect(303, '/admin/settings');
    },
  };
}
