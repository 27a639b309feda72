// /admin/polls: list with state and votes, create and edit (times in the site's zone; votes
// kept when options change), results, the sidebar poll, delete; all audited and shown on the
// reader site at once; CSRF, 422, 404.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoPolls } from '../../src/content/demo/site-data.js';
import { loggedIn } from '../support/admin.js';
import type { ReaderSession } from '../support/browser-session.js';
import { auditEntries, firstPollId } from '../support/records.js';
import { makeTestApp, textOf, type TestApp } from '../support/test-app.js';

describe('admin: polls', () => {
  let t: TestApp;
  let editor: ReaderSession;
  let demoPollId: number;

  before(async () => {
    t = await makeTestApp(); // the clock stands at 2026-11-20 12:00 in Shanghai
    editor = await loggedIn(t, 'chief');
    demoPollId = await firstPollId(t.storage.repositories);
  });
  after(() => t.close());

  const post = (path: string, fields: Record<string, string>) => editor.post(path, { _csrf: editor.csrfToken, ...fields });
  const pollRow = async (id: number) => {
    const poll = await t.storage.repositories.polls.findById(id);
    return poll && { question: poll.question, isMultiple: poll.isMultiple, startsAt: poll.startsAt, endsAt: poll.endsAt };
  };
  /** the poll's options in their order */
  const optionsOf = async (id: number) => (await t.storage.repositories.polls.findById(id))?.options ?? [];
  const pollCount = () => t.storage.repositories.polls.count();
  const sidebarSetting = async () => (await t.storage.repositories.settings.getAll()).sidebarPollId;
  const audits = (action: string) => auditEntries(t.storage.repositories, { action });
  /** Readers' votes for the option, each of a session of its own. */
  const addVotes = (pollId: number, optionId: number, count: number) =>
    t.write(async (tx) => {
      for (let i = 0; i < count; i += 1) {
        const sessionId = `voter-${optionId}-${i}`;
        await tx.polls.addVote({ pollId, optionIds: [optionId], sessionId, ipHash: '', createdAt: t.clock() });
      }
    });
  const sidebarPoll = async () => {
    const { $ } = await t.get('/');
    const box = $('#box-poll').parent();
    return { question: box.find('legend').text().trim(), action: box.find('form').attr('action') };
  };
  const newPoll = (fields: Partial<Record<string, string>> = {}) =>
    post('/admin/polls', {
      question: '您如何看待社区调解？',
      choice: 'single',
      startsAt: '2026-11-20T12:00',
      endsAt: '',
      options: '很有用\n一般\n没用过',
      ...fields,
    } as Record<string, string>);
  const createdId = (location: string | null) => Number(/^\/admin\/polls\/(\d+)$/.exec(location ?? '')![1]);

  it('lists polls with state, type, total votes and which one the sidebar shows', async () => {
    const page = await editor.get('/admin/polls');
    assert.equal(page.status, 200);
    const { $ } = page;
    const row = $(`tr[data-poll-id=${demoPollId}]`);
    assert.equal(row.find('td').first().text().trim(), demoPolls[0]!.question);
    assert.equal(row.find('[data-state]').attr('data-state'), 'open');
    assert.equal(row.find('.total-votes').text(), String(demoPolls[0]!.options.reduce((s, o) => s + o.votes, 0)));
    assert.equal(textOf($, `tr[data-poll-id=${demoPollId}] .sidebar-cell`), '侧栏显示中');
    assert.equal(row.find('form[action$="/delete"] button').attr('data-confirm'), '确定删除吗？');
  });

  it('creates a poll with times read in the site time zone; the sidebar shows it at once', async () => {
    await t.get('/'); // the sidebar is cached now
    const response = await newPoll({ choice: 'multiple', endsAt: '2026-12-01T00:00', options: '很有用\r\n\r\n一般\n没用过\n' });
    assert.equal(response.status, 303);
    const id = createdId(response.headers.get('location'));
    assert.deepEqual(await pollRow(id), {
      question: '您如何看待社区调解？',
      isMultiple: true,
      startsAt: Date.UTC(2026, 10, 20, 4, 0), // 12:00 in Shanghai
      endsAt: Date.UTC(2026, 10, 30, 16, 0),
    });
    assert.deepEqual(
      (await optionsOf(id)).map((o) => [o.label, o.votes]),
      [
        ['很有用', 0],
        ['一般', 0],
        ['没用过', 0],
      ],
    );
    const results = await editor.get(`/admin/polls/${id}`);
    assert.equal(textOf(results.$, '.notice-success'), '调查已创建。');
    assert.equal((await audits('poll.create')).at(-1)!.entityId, String(id));
    // the newest open poll is the sidebar's when none is chosen
    assert.deepEqual(await sidebarPoll(), { question: '您如何看待社区调解？', action: `/polls/${id}/vote` });
    assert.equal((await t.get(`/polls/${id}`)).status, 200);
    const form = await editor.get(`/admin/polls/${id}/edit`);
    assert.equal(form.$('#poll-startsAt').val(), '2026-11-20T12:00');
    assert.equal(form.$('#poll-endsAt').val(), '2026-12-01T00:00');
    assert.equal(form.$('input[name=choice][value=multiple]').attr('checked'), 'checked');
  });

  it('knows upcoming and closed polls', async () => {
    const upcoming = createdId((await newPoll({ question: '明天开始的调查', startsAt: '2026-11-21T09:00' })).headers.get('location'));
    const closed = createdId(
      (await newPoll({ question: '已经结束的调查', startsAt: '2026-11-01T09:00', endsAt: '2026-11-10T09:00' })).headers.get('location'),
    );
    const { $ } = await editor.get('/admin/polls');
    assert.equal($(`tr[data-poll-id=${upcoming}] [data-state]`).attr('data-state'), 'upcoming');
    assert.equal($(`tr[data-poll-id=${closed}] [data-state]`).attr('data-state'), 'closed');
    assert.notEqual((await sidebarPoll()).question, '明天开始的调查');
  });

  it('comes back 422 with field errors and the input kept; nothing stored', async () => {
    const before = await pollCount();
    const response = await newPoll({
      question: '问',
      choice: 'single',
      startsAt: '2026-02-30T10:00',
      endsAt: 'soon',
      options: '只有一个<b>',
    });
    assert.equal(response.status, 422);
    const { $ } = response;
    assert.match(textOf($, '#poll-question-error'), /2-100/);
    assert.match(textOf($, '#poll-startsAt-error'), /时间格式/);
    assert.match(textOf($, '#poll-endsAt-error'), /时间格式/);
    assert.match(textOf($, '#poll-options-error'), /2-10/);
    assert.equal($('#poll-question').val(), '问');
    assert.equal($('#poll-startsAt').val(), '2026-02-30T10:00');
    assert.equal($('#poll-options').text(), '只有一个<b>');
    assert.equal(await pollCount(), before);

    const backwards = await newPoll({ startsAt: '2026-11-20T12:00', endsAt: '2026-11-20T11:00' });
    assert.equal(backwards.status, 422);
    assert.equal(textOf(backwards.$, '#poll-endsAt-error'), '结束时间必须晚于开始时间。');
    assert.equal(await pollCount(), before);
  });

  it('edits keep votes: options stay by id, new ones are added, unvoted ones removed', async () => {
    const id = createdId((await newPoll({ question: '调解满意度', options: '满意\n不满意\n无所谓' })).headers.get('location'));
    const [satisfied, unsatisfied, indifferent] = await optionsOf(id);
    await addVotes(id, satisfied!.id, 40);
    await addVotes(id, unsatisfied!.id, 9);

    const form = await editor.get(`/admin/polls/${id}/edit`);
    assert.equal(form.$(`#poll-option-${satisfied!.id}`).val(), '满意');
    assert.match(textOf(form.$, `label[for=poll-option-${satisfied!.id}]`), /40 票/);

    const response = await post(`/admin/polls/${id}`, {
      question: '您对调解结果满意吗？',
      choice: 'single',
      startsAt: '2026-11-20T12:00',
      endsAt: '',
      [`option-${satisfied!.id}`]: '非常满意',
      [`option-${unsatisfied!.id}`]: '不满意',
      [`option-${indifferent!.id}`]: '', // no votes: removed
      newOptions: '基本满意\n',
    });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), `/admin/polls/${id}`);
    assert.deepEqual(await optionsOf(id), [
      { id: satisfied!.id, label: '非常满意', votes: 40 },
      { id: unsatisfied!.id, label: '不满意', votes: 9 },
      { id: (await optionsOf(id))[2]!.id, label: '基本满意', votes: 0 },
    ]);
    assert.equal((await pollRow(id))!.question, '您对调解结果满意吗？');
    assert.equal((await audits('poll.update')).at(-1)!.entityId, String(id));

    const results = await editor.get(`/admin/polls/${id}`);
    assert.equal(results.$('.poll-total').text(), '49');
    assert.equal(results.$(`tr[data-option-id=${satisfied!.id}] meter`).attr('value'), '81.6');
    assert.equal(results.$(`tr[data-option-id=${satisfied!.id}] .option-votes`).text(), '40');
    const publicPage = await t.get(`/polls/${id}`);
    assert.match(textOf(publicPage.$, '.result-bars'), /非常满意 40 票/);
  });

  it('refuses to remove an option with votes: 422, nothing changed', async () => {
    const id = createdId((await newPoll({ question: '不能删票', options: '甲\n乙\n丙' })).headers.get('location'));
    const [a, b, c] = await optionsOf(id);
    await addVotes(id, b!.id, 5);
    const before = await optionsOf(id);
    const response = await post(`/admin/polls/${id}`, {
      question: '改了问题',
      choice: 'single',
      startsAt: '2026-11-20T12:00',
      [`option-${a!.id}`]: '甲',
      [`option-${b!.id}`]: '',
      [`option-${c!.id}`]: '丙',
      newOptions: '丁',
    });
    assert.equal(response.status, 422);
    assert.match(textOf(response.$, '#poll-options-error'), /选项“乙”已有 5 票，不能删除/);
    assert.equal(response.$('#poll-question').val(), '改了问题', 'the input is kept');
    assert.equal(response.$('#poll-newOptions').text(), '丁');
    assert.deepEqual(await optionsOf(id), before);
    assert.equal((await pollRow(id))!.question, '不能删票');

    // an option id of another poll is refused, not adopted
    const other = (await optionsOf(demoPollId))[0]!;
    const forged = await post(`/admin/polls/${id}`, {
      question: '不能删票',
      choice: 'single',
      startsAt: '2026-11-20T12:00',
      [`option-${other.id}`]: '偷来的',
    });
    assert.equal(forged.status, 400);
    assert.deepEqual((await optionsOf(demoPollId))[0], other);
  });

  it('chooses the sidebar poll, and goes back to automatic', async () => {
    const id = createdId(
      (await newPoll({ question: '侧栏固定的调查', startsAt: '2026-11-01T09:00', endsAt: '2026-11-10T09:00' })).headers.get('location'),
    );
    await t.get('/'); // cached
    const response = await post(`/admin/polls/${id}/sidebar`, {});
    assert.equal(response.status, 303);
    assert.equal(await sidebarSetting(), String(id));
    assert.deepEqual(await sidebarPoll(), { question: '侧栏固定的调查', action: `/polls/${id}/vote` });
    const list = await editor.get('/admin/polls');
    assert.match(textOf(list.$, '.notice-success'), /侧栏现在显示调查“侧栏固定的调查”（注意：这项调查目前不在进行中）/);
    assert.equal(textOf(list.$, `tr[data-poll-id=${id}] .sidebar-cell`), '侧栏显示中');
    assert.equal(list.$(`tr[data-poll-id=${demoPollId}] .sidebar-cell form`).length, 1);
    assert.equal((await audits('poll.sidebar')).at(-1)!.entityId, String(id));

    assert.equal((await post('/admin/polls/sidebar/auto', {})).status, 303);
    assert.equal(await sidebarSetting(), '');
    assert.notEqual((await sidebarPoll()).question, '侧栏固定的调查');
  });

  it('deletes a poll with its options; the sidebar stops showing it at once', async () => {
    const id = createdId((await newPoll({ question: '要删除的调查' })).headers.get('location'));
    await post(`/admin/polls/${id}/sidebar`, {});
    assert.equal((await sidebarPoll()).question, '要删除的调查');
    const response = await post(`/admin/polls/${id}/delete`, {});
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/admin/polls');
    assert.equal(await pollRow(id), undefined);
    assert.deepEqual(await optionsOf(id), []);
    assert.equal(await sidebarSetting(), '', 'the sidebar choice is cleared with it');
    assert.notEqual((await sidebarPoll()).question, '要删除的调查');
    assert.equal((await t.get(`/polls/${id}`)).status, 404);
    assert.match((await audits('poll.delete')).at(-1)!.summary, /要删除的调查/);
  });

  it('unknown or malformed ids: 404 and nothing changed', async () => {
    const before = await pollCount();
    for (const id of ['999999', 'abc', '0']) {
      assert.equal((await editor.get(`/admin/polls/${id}`)).status, 404, id);
      assert.equal((await editor.get(`/admin/polls/${id}/edit`)).status, 404, id);
      assert.equal(
        (await post(`/admin/polls/${id}`, { question: '甲乙丙', choice: 'single', startsAt: '2026-11-20T12:00', newOptions: '甲\n乙' }))
          .status,
        404,
        id,
      );
      assert.equal((await post(`/admin/polls/${id}/delete`, {})).status, 404, id);
      assert.equal((await post(`/admin/polls/${id}/sidebar`, {})).status, 404, id);
    }
    assert.equal(await pollCount(), before);
    assert.equal(await sidebarSetting(), '');
  });

  it('missing or forged CSRF token: 403 and nothing changed', async () => {
    const before = await pollCount();
    const options = await optionsOf(demoPollId);
    const fields = { question: '伪造的调查', choice: 'single', startsAt: '2026-11-20T12:00', options: '甲\n乙' };
    for (const extra of [{}, { _csrf: 'forged-token' }] as Record<string, string>[]) {
      assert.equal((await editor.post('/admin/polls', { ...fields, ...extra })).status, 403);
      assert.equal((await editor.post(`/admin/polls/${demoPollId}`, { ...fields, ...extra })).status, 403);
      assert.equal((await editor.post(`/admin/polls/${demoPollId}/delete`, extra)).status, 403);
      assert.equal((await editor.post(`/admin/polls/${demoPollId}/sidebar`, extra)).status, 403);
    }
    assert.equal(await pollCount(), before);
    assert.deepEqual(await optionsOf(demoPollId), options);
    assert.equal((await pollRow(demoPollId))!.question, demoPolls[0]!.question);
    assert.equal(await sidebarSetting(), '');
  });
});
