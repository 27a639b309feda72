// IP属地 beside each comment (issue 16): the province, or the country or region outside mainland
// China, looked up in the offline database when the comment is posted and stored with it; never
// the address. Private and loopback addresses show nothing; a lookup that fails stores the
// comment without a place. Moderators see the place and the commenter's network.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { locateAddress, regionLabel } from '../../src/services/ip-region.js';
import { loggedIn } from '../support/admin.js';
import { ReaderSession } from '../support/browser-session.js';
import { allComments } from '../support/records.js';
import { makeTestApp, textOf, type TestApp } from '../support/test-app.js';

const ANSWER = 'K7PX';

describe('IP属地 from the shipped database', () => {
  it('finds the province or country of known public addresses, nothing for private ones', () => {
    assert.equal(locateAddress('114.114.114.114'), '江苏');
    assert.equal(locateAddress('1.2.4.8'), '北京');
    assert.equal(locateAddress('120.24.78.68'), '广东');
    assert.equal(locateAddress('::ffff:223.5.5.5'), '浙江', 'an IPv4 address written as IPv6');
    assert.equal(locateAddress('240e:47d:c20:1627:30a3:ba0d:a5e6:ec19'), '广东', 'IPv6');
    assert.equal(locateAddress('8.8.8.8'), '美国');
    assert.equal(locateAddress('203.198.7.66'), '中国香港');
    for (const ip of ['127.0.0.1', '::1', '10.1.2.3', '172.20.0.5', '192.168.1.10', '100.64.0.1', 'fe80::1', 'fd00::1', '', 'not-an-ip']) {
      assert.equal(locateAddress(ip), null, `${ip || '(empty)'} has no place`);
    }
  });

  it('shows provinces without 省/市/自治区, and nothing the database does not know', () => {
    assert.equal(regionLabel({ country: '中国', province: '新疆维吾尔自治区' }), '新疆');
    assert.equal(regionLabel({ country: '中国', province: '广西壮族自治区' }), '广西');
    assert.equal(regionLabel({ country: '中国', province: '上海市' }), '上海');
    assert.equal(regionLabel({ country: '中国', province: '台湾' }), '中国台湾');
    assert.equal(regionLabel({ country: '中国', province: '' }), '中国');
    assert.equal(regionLabel({ country: '0', province: '0' }), null);
    assert.equal(regionLabel({ country: '', province: '' }), null);
    assert.equal(regionLabel(null), null);
  });
});

describe('IP属地 beside comments', () => {
  let t: TestApp;
  let articleId: number;
  let failing = false;

  before(async () => {
    t = await makeTestApp({
      captchaText: () => ANSWER,
      commentModeration: 'auto',
      env: { TRUST_PROXY: 'loopback' },
      locateAddress: (ip) => {
        if (failing) throw new Error('the database could not be read');
        return locateAddress(ip);
      },
    });
    const [newest] = await t.portal.repositories.articles.listVisible({ limit: 1 }, t.clock());
    articleId = newest!.id;
  });
  after(() => t.close());

  async function postFrom(ip: string, body: string) {
    const reader = new ReaderSession(t, { 'user-agent': 'Mozilla/5.0 test-reader', 'x-forwarded-for': ip });
    await reader.openCommentForm(articleId);
    await reader.captcha();
    const response = await reader.post(`/article/${articleId}/comments`, {
      _csrf: reader.csrfToken,
      captcha: ANSWER,
      nickname: '读者',
      body,
    });
    assert.equal(response.status, 303);
    t.clock.advance(60 * 60_000);
    return (await allComments(t.storage.repositories)).find((c) => c.body === body)!;
  }

  it('stores the place, not the address, and shows it on the article and all-comments pages', async () => {
    const stored = await postFrom('120.24.78.68', '来自深圳的评论');
    assert.equal(stored.ipRegion, '广东');
    assert.equal(stored.network, '120.24.78.0/24');
    const page = await t.get(`/article/${articleId}`);
    const item = page.$('.comment').filter((_, el) => page.$(el).text().includes('来自深圳的评论'));
    assert.equal(textOf(page.$, `#comment-${stored.id} .comment-region`), 'IP属地：广东');
    assert.equal(item.length, 1);
    assert.doesNotMatch(page.text, /120\.24\.78\.68/);
    const all = await t.get(`/article/${articleId}/comments?order=newest`);
    assert.equal(textOf(all.$, `#comment-${stored.id} .comment-region`), 'IP属地：广东');

    const editor = await loggedIn(t, 'chief');
    const queue = await editor.get('/admin/comments?status=approved');
    assert.match(textOf(queue.$, 'tbody'), /IP属地：广东/);
    assert.match(textOf(queue.$, 'tbody'), /120\.24\.78\.0\/24/);
  });

  it('a private address shows no place', async () => {
    const stored = await postFrom('192.168.3.4', '来自内网的评论');
    assert.equal(stored.ipRegion, null);
    const page = await t.get(`/article/${articleId}`);
    assert.equal(page.$(`#comment-${stored.id} .comment-region`).length, 0);
  });

  it('a lookup that fails stores the comment without a place, never refuses it', async () => {
    failing = true;
    try {
      const stored = await postFrom('114.114.114.114', '查询失败也要保存');
      assert.equal(stored.status, 'approved');
      assert.equal(stored.ipRegion, null);
    } finally {
      failing = false;
    }
  });
});
