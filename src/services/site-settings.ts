// Site settings with their defaults: the key/value rows of table settings as a typed object.
import type { SiteSettings } from '../domain/types.js';
import { isValidTimeZone } from './site-time.js';

export const DEFAULT_SETTINGS: SiteSettings = {
  siteName: '社会法治观察网',
  siteDomain: 'shfz.example.cn',
  siteDescription: '关注法治进程，记录社会民生：法治要闻、案例解读与舆论监督。',
  copyrightStartYear: '2024',
  supervisor: '云泽市法学会（演示数据）',
  legalCounsel: '云泽明理律师事务所 周明律师（演示数据）',
  browserHint: '推荐使用 Chrome、Edge、Firefox 或 Safari 最新版本，1280×800 以上分辨率查看',
  icpNumber: '京ICP备00000000号-1（演示）',
  icpUrl: 'https://beian.miit.gov.cn/',
  publicSecurityNumber: '京公网安备00000000000000号（演示）',
  publicSecurityUrl: 'https://beian.mps.gov.cn/',
  newsLicenseNumber: '00000000000（演示）',
  reportPhone: '010-00000000（演示）',
  reportEmail: 'jubao@shfz.example.cn',
  timeZone: 'Asia/Shanghai',
  // 先审后发: news comments are reviewed before they appear (互联网跟帖评论服务管理规定)
  commentModeration: 'review',
  reportHideThreshold: '3',
  submissionContactRetentionDays: '180',
  reportDetailRetentionDays: '180',
  // the central outlets whose stories news sites may reprint (an editable starting point)
  // a starting list: 新华社's rules on terms for people with disabilities, and common misspellings
  usageRules:
    '残废人→残疾人；瞎子→盲人；聋子→聋人；弱智→智力障碍者；截止目前→截至目前；截止到目前→截至目前；再接再励→再接再厉；' +
    '迫不急待→迫不及待；不径而走→不胫而走；走头无路→走投无路；一愁莫展→一筹莫展；按装→安装；渡假→度假；既使→即使',
  reprintSources: '新华社、人民日报、中央广播电视总台、光明日报、经济日报、中国日报、中国新闻社、求是、法治日报、人民法院报、检察日报',
  sidebarPollId: '',
};

export function toSiteSettings(stored: Record<string, string>): SiteSettings {
  const settings: SiteSettings = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof SiteSettings)[]) {
    const value = stored[key];
    if (value !== undefined) (settings as unknown as Record<string, string>)[key] = value;
  }
  if (!isValidTimeZone(settings.timeZone)) settings.timeZone = DEFAULT_SETTINGS.timeZone;
  if (settings.commentModeration !== 'auto') settings.commentModeration = 'review';
  if (!/^[1-9]\d{0,2}$/.test(settings.reportHideThreshold)) settings.reportHideThreshold = DEFAULT_SETTINGS.reportHideThreshold;
  for (const key of ['submissionContactRetentionDays', 'reportDetailRetentionDays'] as const) {
    if (!/^[1-9]\d{0,3}$/.test(settings[key])) settings[key] = DEFAULT_SETTINGS[key];
  }
  return settings;
}

/** The settings as stored rows, for seeding. */
export function toSettingRows(settings: SiteSettings): Record<string, string> {
  return { ...settings };
}

/** The site's address for absolute URLs (feeds, JSON-LD, the 分享 block): https on its domain. */
export function siteOrigin(settings: Pick<SiteSettings, 'siteDomain'>): string {
  return `https://${settings.siteDomain}`;
}
