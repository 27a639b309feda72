// Assertions on what every reader page shares: top bar, navigation, sidebars, footer.
import assert from 'node:assert/strict';
import { demoCategories } from '../../src/content/demo/site-data.js';
import { textOf, type Page } from './test-app.js';

export const FOOTER_LINKS = [
  ['关于本站', '/page/about'],
  ['投稿信箱', '/submit'],
  ['广告服务', '/page/ads'],
  ['加盟合作', '/page/partnership'],
  ['人员查询', '/staff'],
  ['联系我们', '/page/contact'],
];

export function assertSiteChrome(page: Page): void {
  const { $ } = page;
  assert.equal($('html').attr('lang'), 'zh-CN');
  assert.equal(textOf($, '.topbar .welcome'), '欢迎光临社会法治观察网');
  assert.deepEqual(
    $('.topbar-links a')
      .map((_, a) => [[$(a).text(), $(a).attr('href')]])
      .get(),
    [
      ['设为首页', '/page/set-homepage'],
      ['加入收藏', '/page/bookmark'],
      ['联系我们', '/page/contact'],
    ],
  );
  assert.deepEqual(
    $('.main-nav a')
      .map((_, a) => $(a).text())
      .get(),
    ['首页', ...demoCategories.map((c) => c.name)],
  );
  // the sidebar every page shares (the home page adds boxes of its own below it)
  assert.deepEqual(
    $('.sidebar .box-title')
      .slice(0, 4)
      .map((_, h) => $(h).text())
      .get(),
    ['热门·图文', '点击·排行', '最新·发布', '投票·调查'],
  );
  assert.deepEqual(
    $('footer .footer-links a')
      .map((_, a) => [[$(a).text(), $(a).attr('href')]])
      .get(),
    FOOTER_LINKS,
  );
  const footer = textOf($, 'footer .footer-lines');
  assert.match(footer, /Copyright © 2024-2026 shfz\.example\.cn All Rights Reserved/);
  assert.match(footer, /主管单位：云泽市法学会/);
  assert.match(footer, /本网法律顾问：云泽明理律师事务所/);
  assert.match(footer, /推荐使用 .+分辨率查看/);
  assert.match(footer, /工业和信息化部注册备案号：京ICP备00000000号-1/);
  assert.equal($('footer a[href="https://beian.miit.gov.cn/"]').length, 1);
  assert.match(footer, /网站访问统计：总访问量 [\d,]+ 次，今日 [\d,]+ 次/);
  assert.ok($('main#main').length === 1 && $('nav[aria-label]').length >= 2 && $('aside').length === 1, 'landmarks');
}
