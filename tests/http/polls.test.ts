// Polls: the sidebar form without JavaScript, voting rules, and counts under concurrency.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addressHasher } from '../../src/services/address-hash.js';
import { ReaderSession } from '../support/browser-session.js';
import { makeTestApp, TEST_SESSION_SECRET, textOf, type TestApp } from '../support/test-app.js';

const DAY = 24 * 60 * 60_000;

describe('polls', () => {
  let t: TestApp;
  let pollId: number;
  let optionIds: number[];
  before(async () => {
    t = await makeTestApp();
    const poll = (await t.portal.repositories.polls.findLatestOpen(t.clock()))!;
    pollId = poll.id;
    optionIds = poll.options.map((o) => o.id);
  });
  after(() => t.close());

  const optionsOf = async (poll: number) => (await t.storage.repositories.polls.findById(poll))!.options;
  const votesOf = async (optionId: number, poll = pollId) => (await optionsOf(poll)).find((option) => option.id === optionId)!.votes;
  const totalOf = async (poll: number) => (await optionsOf(poll)).reduce((sum, option) => sum + option.votes, 0);

  async function voter(query = ''): Promise<ReaderSession> {
    const reader = new ReaderSession(t);
    await reader.get(`/polls/${pollId}${query}`);
    return reader;
  }

  /** The sidebar's one-click vote as a browser sends it from one of the site's own (cached) pages. */
  const oneClickVote = (
    reader: ReaderSession,
    body: string | Record<string, string>,
    headers: Record<string, string> = { 'sec-fetch-site': 'same-origin' },
  ) => reader.post(`/polls/${pollId}/vote`, body, headers);

  it('the sidebar form posts the vote in one click, with no token on the cached page', async () => {
    const home = await t.get('/');
    const sidebar = home.$('.poll-form');
    assert.equal(sidebar.attr('method'), 'post');
    assert.equal(sidebar.attr('action'), `/polls/${pollId}/vote`);
    assert.equal(sidebar.find('input[name=_csrf]').length, 0, 'the page is the same for everyone');
    assert.equal(home.headers.get('set-cookie'), null);
    assert.equal((await t.get('/')).headers.get('x-page-cache'), 'hit');

    const before = await votesOf(optionIds[2]!);
    const reader = new ReaderSession(t); // straight from the cached page: no session yet
    const response = await oneClickVote(reader, { option: String(optionIds[2]) });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), `/polls/${pollId}`);
    assert.equal(await votesOf(optionIds[2]!), before + 1);
    const results = await reader.get(`/polls/${pollId}`);
    assert.equal(textOf(results.$, '.notice'), '投票成功，感谢参与！');
    const mine = results.$('.result-bars li.my-choice');
    assert.equal(mine.length, 1, 'the reader’s choice is marked');
    assert.match(textOf(results.$, '.result-bars li.my-choice .result-label'), /物业与住房|婚姻家事|劳动权益|消费维权|网络安全/);
    assert.equal(textOf(results.$, '.my-choice-mark'), '您的选择');
    assert.equal(results.$('form.poll-vote-form').length, 0);
    const total = await totalOf(pollId);
    const again = await oneClickVote(reader, { option: String(optionIds[0]) });
    assert.equal(again.status, 303);
    assert.equal(textOf((await reader.get(`/polls/${pollId}`)).$, '.notice'), '您已经投过票了，每人只能投一次。');
    assert.equal(await totalOf(pollId), total, 'one vote per reader');
  });

  it('accepts an Origin of the site itself when the browser sends no Sec-Fetch-Site, and a valid token when neither', async () => {
    const before = await totalOf(pollId);
    const reader = new ReaderSession(t);
    assert.equal((await oneClickVote(reader, { option: String(optionIds[1]) }, { origin: t.baseUrl })).status, 303);
    const withToken = await voter();
    assert.equal((await withToken.post(`/polls/${pollId}/vote`, { _csrf: withToken.csrfToken, option: String(optionIds[1]) })).status, 303);
    assert.equal(await totalOf(pollId), before + 2);
  });

  it('refuses a vote from another site with 403 and counts nothing', async () => {
    const before = await totalOf(pollId);
    const tokenHolder = await voter();
    const cases: [string, Record<string, string>, Record<string, string>][] = [
      ['Sec-Fetch-Site: cross-site', { option: String(optionIds[0]) }, { 'sec-fetch-site': 'cross-site' }],
      ['Sec-Fetch-Site: same-site', { option: String(optionIds[0]) }, { 'sec-fetch-site': 'same-site' }],
      ['Sec-Fetch-Site: none', { option: String(optionIds[0]) }, { 'sec-fetch-site': 'none' }],
      [
        'cross-site, even with a valid token',
        { _csrf: tokenHolder.csrfToken, option: String(optionIds[0]) },
        { 'sec-fetch-site': 'cross-site' },
      ],
      ['another Origin', { option: String(optionIds[0]) }, { origin: 'https://evil.example' }],
      ['Origin: null', { option: String(optionIds[0]) }, { origin: 'null' }],
      ['the same host on another port', { option: String(optionIds[0]) }, { origin: t.baseUrl.replace(/:\d+$/, ':1') }],
      ['https instead of http', { option: String(optionIds[0]) }, { origin: t.baseUrl.replace('http:', 'https:') }],
      ['neither header and no token', { option: String(optionIds[0]) }, {}],
      ['neither header and a forged token', { _csrf: 'forged', option: String(optionIds[0]) }, {}],
    ];
    for (const [label, body, headers] of cases) {
      const reader = label.includes('valid token') ? tokenHolder : new ReaderSession(t);
      const response = await reader.post(`/polls/${pollId}/vote`, body, headers);
      assert.equal(response.status, 403, label);
      assert.match(textOf(response.$, 'main'), /其他网站|请求来源无效/, label);
    }
    assert.equal(await totalOf(pollId), before);
  });

  it('behind a trusted proxy, the Origin is checked against the forwarded scheme and host', async () => {
    const proxied = await makeTestApp({ env: { TRUST_PROXY: 'loopback' } });
    try {
      const poll = (await proxied.portal.repositories.polls.findLatestOpen(proxied.clock()))!;
      const vote = (origin: string, forwarded: Record<string, string>) =>
        new ReaderSession(proxied).post(`/polls/${poll.id}/vote`, { option: String(poll.options[0]!.id) }, { origin, ...forwarded });
      const viaProxy = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'www.example.cn' };
      assert.equal((await vote('https://www.example.cn', viaProxy)).status, 303);
      assert.equal((await vote(proxied.baseUrl, viaProxy)).status, 403, 'the proxy says the site is https://www.example.cn');
      assert.equal((await vote('https://www.example.cn', {})).status, 403);
    } finally {
      await proxied.close();
    }
    const direct = new ReaderSession(t);
    const spoofed = await direct.post(
      `/polls/${pollId}/vote`,
      { option: String(optionIds[0]) },
      { origin: 'https://www.example.cn', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'www.example.cn' },
    );
    assert.equal(spoofed.status, 403, 'without TRUST_PROXY forwarded headers are not believed');
  });

  it('an old link from the sidebar (?option=) still arrives checked on the poll page', async () => {
    const page = await t.get(`/polls/${pollId}?option=${optionIds[2]}`);
    assert.equal(page.$(`input[name=option][value=${optionIds[2]}]`).attr('checked'), 'checked');
    assert.equal(page.$('form.poll-vote-form').attr('method'), 'post');
    assert.ok(page.$('form.poll-vote-form input[name=_csrf]').val());
    assert.equal((await t.get(`/polls/${pollId}?option=99999`)).status, 200, 'an odd choice in the link is ignored');
  });

  it('votes cast before choices were kept still count as voted, with nothing marked', async () => {
    const reader = new ReaderSession(t);
    await reader.get(`/polls/${pollId}`); // a session to vote with
    // a vote as stored before the choices were: no option ids
    await t.repos.polls.addVote({ pollId, optionIds: [], sessionId: reader.sessionId()!, ipHash: '', createdAt: t.clock() });
    const page = await reader.get(`/polls/${pollId}`);
    assert.match(textOf(page.$, '.poll-state'), /您已投票/);
    assert.equal(page.$('.my-choice').length, 0);
  });

  it('counts a vote once per session', async () => {
    const before = await votesOf(optionIds[0]!);
    const reader = await voter();
    const response = await reader.post(`/polls/${pollId}/vote`, { _csrf: reader.csrfToken, option: String(optionIds[0]) });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), `/polls/${pollId}`);
    const page = await reader.get(`/polls/${pollId}`);
    assert.equal(textOf(page.$, '.notice'), '投票成功，感谢参与！');
    assert.match(textOf(page.$, '.poll-state'), /您已投票/);
    assert.equal(page.$('form.poll-vote-form').length, 0, 'no second vote form');
    assert.equal(await votesOf(optionIds[0]!), before + 1);
    const again = await reader.post(`/polls/${pollId}/vote`, { _csrf: reader.csrfToken, option: String(optionIds[1]) });
    assert.equal(again.status, 303);
    assert.equal(textOf((await reader.get(`/polls/${pollId}`)).$, '.notice'), '您已经投过票了，每人只能投一次。');
    assert.equal(await votesOf(optionIds[0]!), before + 1);
  });

  it('100 concurrent votes from 100 sessions count exactly 100', async () => {
    const before = await totalOf(pollId);
    const readers = await Promise.all(Array.from({ length: 100 }, () => voter()));
    const responses = await Promise.all(
      readers.map((r, i) => r.post(`/polls/${pollId}/vote`, { _csrf: r.csrfToken, option: String(optionIds[i % optionIds.length]) })),
    );
    assert.ok(responses.every((r) => r.status === 303));
    assert.equal(await totalOf(pollId), before + 100);
  });

  it('20 concurrent votes from one session count exactly 1', async () => {
    const before = await totalOf(pollId);
    const reader = await voter();
    await Promise.all(
      Array.from({ length: 20 }, () => reader.post(`/polls/${pollId}/vote`, { _csrf: reader.csrfToken, option: String(optionIds[1]) })),
    );
    assert.equal(await totalOf(pollId), before + 1);
  });

  it('refuses bad votes with clear 4xx answers and stores nothing', async () => {
    const otherPoll = await t.repos.polls.create(
      { question: '另一项调查', isMultiple: false, startsAt: t.clock() - DAY, endsAt: null, options: [{ label: '甲' }, { label: '乙' }] },
      t.clock(),
    );
    const foreignOption = (await t.portal.repositories.polls.findById(otherPoll))!.options[0]!.id;
    const before = await totalOf(pollId);
    const reader = await voter();
    const cases: [Record<string, string> | string, number][] = [
      [{ _csrf: reader.csrfToken, option: String(foreignOption) }, 400],
      [`_csrf=${encodeURIComponent(reader.csrfToken)}&option=${optionIds[0]}&option=${optionIds[1]}`, 400],
      [{ _csrf: reader.csrfToken, option: 'abc' }, 400],
      [{ _csrf: reader.csrfToken, option: "1' OR '1'='1" }, 400],
      [{ _csrf: reader.csrfToken }, 422],
      [{ option: String(optionIds[0]) }, 403],
    ];
    for (const [body, status] of cases) {
      const response = await reader.post(`/polls/${pollId}/vote`, body);
      assert.equal(response.status, status, JSON.stringify(body));
    }
    const repeated = await reader.post(`/polls/${pollId}/vote`, `option=${optionIds[0]}&option=${optionIds[0]}`, {
      'sec-fetch-site': 'same-origin',
    });
    assert.equal(repeated.status, 400, 'a repeated option field on a single-choice poll, from the sidebar');
    assert.equal((await reader.post('/polls/99999/vote', { _csrf: reader.csrfToken, option: '1' })).status, 404);
    assert.equal(await totalOf(pollId), before);
  });

  it('closed and not-yet-open polls refuse votes', async () => {
    const now = t.clock();
    const closed = await t.repos.polls.create(
      { question: '已结束', isMultiple: false, startsAt: now - 2 * DAY, endsAt: now - DAY, options: [{ label: '甲' }, { label: '乙' }] },
      now,
    );
    const upcoming = await t.repos.polls.create(
      { question: '未开始', isMultiple: false, startsAt: now + DAY, endsAt: null, options: [{ label: '甲' }, { label: '乙' }] },
      now,
    );
    for (const [id, message] of [
      [closed, /已经结束/],
      [upcoming, /还没有开始/],
    ] as const) {
      const reader = new ReaderSession(t);
      const page = await reader.get(`/polls/${id}`);
      assert.equal(page.$('form.poll-vote-form').length, 0);
      await reader.get(`/polls/${pollId}`); // a session with a CSRF token
      const option = (await t.portal.repositories.polls.findById(id))!.options[0]!.id;
      const response = await reader.post(`/polls/${id}/vote`, { _csrf: reader.csrfToken, option: String(option) });
      assert.equal(response.status, 403);
      assert.match(textOf(response.$, 'main'), message);
      assert.equal(await totalOf(id), 0);
    }
  });

  it('multiple choice counts each chosen option', async () => {
    const now = t.clock();
    const id = await t.repos.polls.create(
      {
        question: '多选',
        isMultiple: true,
        startsAt: now - DAY,
        endsAt: null,
        options: [{ label: '甲' }, { label: '乙' }, { label: '丙' }],
      },
      now,
    );
    const [a, b, c] = (await t.portal.repositories.polls.findById(id))!.options.map((o) => o.id);
    const reader = new ReaderSession(t);
    await reader.get(`/polls/${id}`);
    const response = await reader.post(`/polls/${id}/vote`, `_csrf=${encodeURIComponent(reader.csrfToken)}&option=${a}&option=${c}`);
    assert.equal(response.status, 303);
    assert.deepEqual([await votesOf(a!, id), await votesOf(b!, id), await votesOf(c!, id)], [1, 0, 1]);
  });

  it('a daily cap per address that tolerates shared networks (200), then 429', async () => {
    const now = t.clock();
    const id = await t.repos.polls.create(
      { question: '上限', isMultiple: false, startsAt: now - DAY, endsAt: null, options: [{ label: '甲' }, { label: '乙' }] },
      now,
    );
    const option = (await t.portal.repositories.polls.findById(id))!.options[0]!.id;
    const first = new ReaderSession(t);
    await first.get(`/polls/${id}`);
    assert.equal((await first.post(`/polls/${id}/vote`, { _csrf: first.csrfToken, option: String(option) })).status, 303);
    // the app hashes the address it sees (127.0.0.1 here) with the session secret
    const ipHash = addressHasher(TEST_SESSION_SECRET)('127.0.0.1');
    assert.equal(await t.storage.repositories.polls.countVotesFromAddressSince(id, ipHash, 0), 1, 'the first vote is from that address');
    await t.write(async (tx) => {
      for (let i = 0; i < 199; i += 1) {
        await tx.polls.addVote({ pollId: id, optionIds: [], sessionId: `other-${i}`, ipHash, createdAt: now - 60_000 });
      }
    });
    const late = new ReaderSession(t);
    await late.get(`/polls/${id}`);
    const refused = await late.post(`/polls/${id}/vote`, { _csrf: late.csrfToken, option: String(option) });
    assert.equal(refused.status, 429);
    assert.match(textOf(refused.$, 'main'), /上限/);
    t.clock.advance(DAY);
    const tomorrow = new ReaderSession(t);
    await tomorrow.get(`/polls/${id}`);
    assert.equal((await tomorrow.post(`/polls/${id}/vote`, { _csrf: tomorrow.csrfToken, option: String(option) })).status, 303);
  });
});
