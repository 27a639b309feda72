// The footer lines a licensed news site must show (issue 16): ICP and 公安 registration with their
// links, the 互联网新闻信息服务许可证 number, the reporting phone and e-mail, and the national
// reporting centre (12377). Each is a setting with a format check (empty and the demo value pass);
// the dashboard's 合规自检 lists those still empty or still the demo value.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { loggedIn } from '../support/admin.js';
import type { ReaderSession } from '../support/browser-session.js';
import { settingsFormValues } from '../support/settings-form.js';
import { makeTestApp, textOf, type TestApp } from '../support/test-app.js';

const REAL = {
  icpNumber: '京ICP备12345678号-1',
  publicSecurityNumber: '京公网安备11010502000001号',
  publicSecurityUrl: 'https://beian.mps.gov.cn/#/query/webSearch?code=11010502000001',
  newsLicenseNumber: '11120170001',
  reportPhone: '010-12345678',
  reportEmail: 'jubao@example.cn',
};

describe('licence and reporting lines', () => {
  let t: TestApp;
  let admin: ReaderSession;

  before(async () => {
    t = await makeTestApp();
    admin = await loggedIn(t, 'admin');
  });
  after(() => t.close());

  async function gapTexts(): Promise<string[]> {
    const page = await admin.get('/admin');
    return page
      .$('.compliance-check li')
      .map((_, li) => page.$(li).text().trim())
      .get();
  }

  it('the demo footer shows every line, the 12377 link among them', async () => {
    const { $ } = await t.get('/');
    const footer = textOf($, '.site-footer');
    assert.match(footer, /工业和信息化部注册备案号：京ICP备00000000号-1（演示）/);
    assert.match(footer, /公安机关备案号：京公网安备00000000000000号（演示）/);
    assert.match(footer, /互联网新闻信息服务许可证编号：00000000000（演示）/);
    assert.match(footer, /违法和不良信息举报电话：010-00000000（演示）/);
    assert.equal($('.site-footer a[href="mailto:jubao@shfz.example.cn"]').length, 1);
    assert.equal($('.site-footer a[href="https://www.12377.cn/"]').text(), '中央网信办（国家互联网信息办公室）违法和不良信息举报中心');
    assert.equal($('.police-record a').attr('href'), 'https://beian.mps.gov.cn/');
  });

  it('the dashboard lists every line still in its demo value', async () => {
    assert.deepEqual(await gapTexts(), [
      'ICP 备案号：仍是演示数据',
      '公安联网备案号：仍是演示数据',
      '互联网新闻信息服务许可证编号：仍是演示数据',
      '违法和不良信息举报电话：仍是演示数据',
      '举报邮箱：仍是演示数据',
    ]);
  });

  it('malformed numbers: 422 with the input kept, nothing saved', async () => {
    const form = settingsFormValues(await admin.get('/admin/settings'));
    const response = await admin.post('/admin/settings', {
      ...form,
      icpNumber: 'ICP 12345',
      publicSecurityNumber: '京公网安备110105号',
      newsLicenseNumber: '1112017',
      reportPhone: '12345',
      reportEmail: 'not-an-email',
      publicSecurityUrl: 'javascript:alert(1)',
    });
    assert.equal(response.status, 422);
    const errorOf = (key: string) => textOf(response.$, `#setting-${key}-error`);
    assert.match(errorOf('icpNumber'), /京ICP备12345678号-1/);
    assert.match(errorOf('publicSecurityNumber'), /14 位数字/);
    assert.match(errorOf('newsLicenseNumber'), /11 位数字/);
    assert.match(errorOf('reportPhone'), /举报电话格式不正确/);
    assert.match(errorOf('reportEmail'), /举报邮箱格式不正确/);
    assert.match(errorOf('publicSecurityUrl'), /http:\/\/ 或 https:\/\//);
    assert.equal(response.$('#setting-publicSecurityNumber').val(), '京公网安备110105号', 'the input is kept');
    assert.equal(
      (await t.storage.repositories.settings.getAll()).publicSecurityNumber,
      '京公网安备00000000000000号（演示）',
      'nothing saved',
    );
  });

  it('real values save, show in the footer on the next request, and leave the self-check; empty ones are flagged', async () => {
    const form = settingsFormValues(await admin.get('/admin/settings'));
    const response = await admin.post('/admin/settings', { ...form, ...REAL, reportEmail: '' });
    assert.equal(response.status, 303);
    const { $ } = await t.get('/');
    assert.equal($('.police-record a').text(), REAL.publicSecurityNumber);
    assert.equal($('.police-record a').attr('href'), REAL.publicSecurityUrl);
    assert.match(textOf($, '.news-licence'), /11120170001/);
    assert.match(textOf($, '.report-lines'), /010-12345678/);
    assert.equal($('.site-footer a[href^="mailto:"]').length, 0, 'no e-mail line while it is empty');
    assert.deepEqual(await gapTexts(), ['举报邮箱：未填写']);
  });
});
