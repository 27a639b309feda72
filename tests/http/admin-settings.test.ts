// Site settings in /admin/settings: admins only, every key editable and validated (422 with the
// input kept), saved settings show on the reader site at once, audited, CSRF required.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { SiteSettings } from '../../src/domain/types.js';
import { DEFAULT_SETTINGS } from '../../src/services/site-settings.js';
import { loggedIn } from '../support/admin.js';
import type { ReaderSession } from '../support/browser-session.js';
import { auditEntries, firstPollId } from '../support/records.js';
import { settingsFormValues } from '../support/settings-form.js';
import { makeTestApp, textOf, type TestApp } from '../support/test-app.js';

const KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof SiteSettings)[];

describe('admin settings', () => {
  let t: TestApp;
  let admin: ReaderSession;

  before(async () => {
    t = await makeTestApp();
    admin = await loggedIn(t, 'admin');
  });
  after(() => t.close());

  const stored = () => t.storage.repositories.settings.getAll();
  const audits = () => auditEntries(t.storage.repositories, { action: 'settings.update' });

  async function currentForm(): Promise<Record<string, string>> {
    return settingsFormValues(await admin.get('/admin/settings'));
  }

  it('shows every setting with its current value', async () => {
    const page = await admin.get('/admin/settings');
    assert.equal(page.status, 200);
    const values = settingsFormValues(page);
    for (const key of KEYS) assert.ok(key in values, `field ${key}`);
    assert.equal(values.siteName, DEFAULT_SETTINGS.siteName);
    assert.equal(values.supervisor, DEFAULT_SETTINGS.supervisor);
    assert.equal(values.commentModeration, 'review', 'a fresh site reviews comments first');
    assert.equal(values.sidebarPollId, '');
    assert.equal(values._csrf, admin.csrfToken);
    assert.ok(page.$('select[name=sidebarPollId] option').length >= 2, 'the demo poll is a choice');
    const zones = page.$('select[name=timeZone] option');
    assert.ok(zones.length >= 20, 'a list of zones, not free text');
    assert.equal(page.$('select[name=timeZone] option[selected]').text(), '北京时间（中国标准时间，UTC+8）');
    assert.equal(zones.filter((_, o) => page.$(o).attr('value') === 'America/New_York').text(), '纽约时间（美国东部，有夏令时）');
  });

  it('editors get 403 and change nothing; visitors go to the login page', async () => {
    const editor = await loggedIn(t, 'chief');
    assert.equal((await editor.get('/admin/settings')).status, 403);
    const before = await stored();
    const response = await editor.post('/admin/settings', { _csrf: editor.csrfToken, ...(await currentForm()), siteName: '编辑改的名字' });
    assert.equal(response.status, 403);
    assert.deepEqual(await stored(), before);
    assert.equal((await t.get('/admin/settings')).status, 303);
  });

  it('saves, shows the change on the public footer at once, and audits the changed fields', async () => {
    await t.get('/'); // the chrome is cached now
    const form = await currentForm();
    const response = await admin.post('/admin/settings', {
      ...form,
      siteName: '  法治新观察  ',
      supervisor: '云泽市司法局',
      legalCounsel: '某某律师事务所 李律师',
      icpNumber: '京ICP备12345678号-2',
      icpUrl: 'http://beian.example.cn/query',
      browserHint: '建议使用最新浏览器',
      copyrightStartYear: '2020',
      siteDomain: 'WWW.Example.CN',
    });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/admin/settings');
    const saved = await stored();
    assert.equal(saved.siteName, '法治新观察');
    assert.equal(saved.supervisor, '云泽市司法局');
    assert.equal(saved.siteDomain, 'www.example.cn');
    assert.equal(saved.icpUrl, 'http://beian.example.cn/query');

    const home = await t.get('/');
    const footer = textOf(home.$, 'footer');
    assert.match(footer, /主管单位：云泽市司法局/);
    assert.match(footer, /本网法律顾问：某某律师事务所 李律师/);
    assert.match(footer, /建议使用最新浏览器/);
    assert.match(footer, /Copyright © 2020-2026 www\.example\.cn/);
    const icp = home.$('footer a').filter((_, a) => home.$(a).text() === '京ICP备12345678号-2');
    assert.equal(icp.attr('href'), 'http://beian.example.cn/query');
    assert.match(home.$('title').text(), /法治新观察/);

    const page = await admin.get('/admin/settings');
    assert.equal(textOf(page.$, '.notice-success'), '设置已保存，网站已同步更新。');
    const entry = (await audits()).at(-1)!;
    assert.match(entry.summary, /网站名称/);
    assert.match(entry.summary, /主管单位/);
    assert.doesNotMatch(entry.summary, /时区/);
  });

  it('the sidebar poll, time zone and moderation mode take effect too', async () => {
    const otherPoll = await t.repos.polls.create(
      {
        question: '您最关心哪类法治新闻？',
        isMultiple: false,
        startsAt: t.clock() - 60_000,
        endsAt: null,
        options: [{ label: '民生' }, { label: '司法' }],
      },
      t.clock() - 120_000,
    );
    const oldest = await firstPollId(t.storage.repositories);
    assert.notEqual(oldest, otherPoll);
    const form = await currentForm();
    const response = await admin.post('/admin/settings', {
      ...form,
      sidebarPollId: String(oldest),
      timeZone: 'america/new_york',
      commentModeration: 'review',
    });
    assert.equal(response.status, 303);
    assert.equal((await stored()).timeZone, 'America/New_York', 'stored in canonical spelling');
    assert.equal((await stored()).sidebarPollId, String(oldest));
    const home = await t.get('/');
    assert.equal(home.$('.poll-form').attr('action'), `/polls/${oldest}/vote`);
    assert.equal((await t.portal.chrome.get()).settings.commentModeration, 'review');

    await admin.post('/admin/settings', {
      ...(await currentForm()),
      sidebarPollId: '',
      timeZone: 'Asia/Shanghai',
      commentModeration: 'auto',
    });
    assert.equal((await t.get('/')).$('.poll-form').attr('action'), `/polls/${otherPoll}/vote`, 'empty: the latest open poll');
  });

  it('invalid input: 422, every error shown, the input kept and nothing saved', async () => {
    const before = await stored();
    const auditCount = (await audits()).length;
    const form = await currentForm();
    const bad = {
      ...form,
      siteName: '',
      siteDomain: 'http://example.cn/path',
      copyrightStartYear: '1800',
      icpUrl: 'javascript:alert(1)',
      timeZone: 'Mars/Olympus_Mons',
      commentModeration: 'sometimes',
      sidebarPollId: '999999',
      supervisor: '单'.repeat(101),
      legalCounsel: '<script>alert(1)</script>',
    };
    const response = await admin.post('/admin/settings', bad);
    assert.equal(response.status, 422);
    const { $ } = response;
    const errorOf = (key: string) => textOf($, `#setting-${key}-error`);
    assert.equal(errorOf('siteName'), '请填写网站名称。');
    assert.match(errorOf('siteDomain'), /域名格式不正确/);
    assert.match(errorOf('copyrightStartYear'), /1990 到 2026/);
    assert.match(errorOf('icpUrl'), /http:\/\/ 或 https:\/\//);
    assert.match(errorOf('timeZone'), /请从列表中选择时区/);
    assert.equal(errorOf('commentModeration'), '请选择评论审核方式。');
    assert.match(errorOf('sidebarPollId'), /请选择一个已有的投票/);
    assert.match(errorOf('supervisor'), /不能超过 100/);
    assert.equal($('#setting-siteDomain').attr('aria-invalid'), 'true');
    assert.equal($('#setting-siteDomain').val(), 'http://example.cn/path');
    assert.equal($('#setting-timeZone').val(), 'Mars/Olympus_Mons');
    assert.equal($('#setting-icpUrl').val(), 'javascript:alert(1)');
    assert.equal($('#setting-legalCounsel').val(), '<script>alert(1)</script>');
    assert.equal($('script:not([src])').length, 0);
    assert.deepEqual(await stored(), before);
    assert.equal((await audits()).length, auditCount);

    for (const icpUrl of ['ftp://beian.example.cn/', 'https://', 'https://user:pw@beian.example.cn/', 'https://beian.example.cn/ x']) {
      const again = await admin.post('/admin/settings', { ...form, icpUrl });
      assert.equal(again.status, 422, icpUrl);
    }
    const nextYear = await admin.post('/admin/settings', { ...form, copyrightStartYear: '2027' });
    assert.equal(nextYear.status, 422, 'a year after this one');
  });

  it('line breaks in a one-line setting become spaces', async () => {
    const form = await currentForm();
    assert.equal((await admin.post('/admin/settings', { ...form, browserHint: '第一行\r\n第二行' })).status, 303);
    assert.equal((await stored()).browserHint, '第一行 第二行');
  });

  it('an unchanged form saves nothing and writes no audit entry', async () => {
    const count = (await audits()).length;
    const response = await admin.post('/admin/settings', await currentForm());
    assert.equal(response.status, 303);
    assert.equal(textOf((await admin.get('/admin/settings')).$, '.notice-info'), '设置没有变化。');
    assert.equal((await audits()).length, count);
  });

  it('missing or forged CSRF token: 403; repeated fields: 400; nothing saved', async () => {
    const before = await stored();
    const form = await currentForm();
    const { _csrf: _, ...withoutToken } = form;
    assert.equal((await admin.post('/admin/settings', { ...withoutToken, siteName: '跨站' })).status, 403);
    assert.equal((await admin.post('/admin/settings', { ...form, _csrf: 'forged', siteName: '跨站' })).status, 403);
    const repeated = `${new URLSearchParams(form).toString()}&siteName=${encodeURIComponent('第二个名字')}`;
    assert.equal((await admin.post('/admin/settings', repeated)).status, 400);
    assert.deepEqual(await stored(), before);
  });
});
