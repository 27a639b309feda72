// PollRepository: polls with their options in order; the latest open poll by time; votes that
// count once per chosen option and remember the session's choices; the editors' list with
// totals; edits that keep, rename, add and remove options (never one with votes); deletion that
// takes options and votes with it.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { PollOptionHasVotesError, UnknownPollOptionError, type NewPoll } from '../../src/repositories/poll-repository.js';
import { forEachBackend } from './backends.js';
import { DAY, freshStorage, HOUR, NOW } from './support.js';

function poll(question: string, startsAt: number, endsAt: number | null, labels = ['赞成', '反对']): NewPoll {
  return { question, isMultiple: false, startsAt, endsAt, options: labels.map((label) => ({ label })) };
}

forEachBackend('poll repository', (open) => {
  const s = freshStorage(open);

  const create = (p: NewPoll) => s.write((tx) => tx.polls.create(p, NOW));
  const optionIds = async (pollId: number) => (await s.read.polls.findById(pollId))!.options.map((o) => o.id);
  const vote = (pollId: number, optionIds: number[], sessionId: string, ipHash = 'ip-a', createdAt = NOW) =>
    s.write((tx) => tx.polls.addVote({ pollId, optionIds, sessionId, ipHash, createdAt }));

  it('creates a poll with its options in the given order, starting votes included', async () => {
    const id = await create({
      question: '你最关心哪些议题？',
      isMultiple: true,
      startsAt: NOW - HOUR,
      endsAt: NOW + DAY,
      options: [{ label: '教育' }, { label: '医疗', votes: 7 }, { label: '住房' }],
    });
    const found = (await s.read.polls.findById(id))!;
    assert.deepEqual(
      { ...found, options: found.options.map((o) => ({ label: o.label, votes: o.votes })) },
      {
        id,
        question: '你最关心哪些议题？',
        isMultiple: true,
        startsAt: NOW - HOUR,
        endsAt: NOW + DAY,
        options: [
          { label: '教育', votes: 0 },
          { label: '医疗', votes: 7 },
          { label: '住房', votes: 0 },
        ],
      },
    );
    assert.equal(new Set(found.options.map((o) => o.id)).size, 3, 'each option has its own id');
    assert.equal(await s.read.polls.findById(id + 1), undefined);
  });

  it('finds the latest open poll: started, not yet ended, the latest start first', async () => {
    assert.equal(await s.read.polls.findLatestOpen(NOW), undefined);
    const older = await create(poll('较早', NOW - 2 * DAY, null));
    const ended = await create(poll('已结束', NOW - DAY, NOW));
    const latest = await create(poll('最新', NOW - HOUR, NOW + DAY));
    const future = await create(poll('未开始', NOW + HOUR, null));
    const latestOpen = async (now: number) => (await s.read.polls.findLatestOpen(now))?.id;
    assert.equal(await latestOpen(NOW), latest);
    assert.equal((await s.read.polls.findLatestOpen(NOW))?.options.length, 2, 'with its options');
    assert.equal(await latestOpen(NOW - 1), latest, 'the ended one was open until its end');
    assert.equal(await latestOpen(NOW - HOUR - 1), ended);
    assert.equal(await latestOpen(NOW + HOUR), future, 'open from the instant it starts');
    assert.equal(await latestOpen(NOW + 2 * DAY), future);
    assert.equal(await latestOpen(NOW - DAY - 1), older);
    assert.equal(await latestOpen(NOW - 3 * DAY), undefined);
  });

  it('counts a vote once for each chosen option and remembers the choices of the session', async () => {
    const id = await create({ ...poll('多选', NOW - HOUR, null, ['甲', '乙', '丙']), isMultiple: true });
    const [a, , c] = await optionIds(id);
    await vote(id, [a!, c!], 'sid-1');
    await vote(id, [a!], 'sid-2');
    assert.deepEqual(
      (await s.read.polls.findById(id))!.options.map((o) => [o.label, o.votes]),
      [
        ['甲', 2],
        ['乙', 0],
        ['丙', 1],
      ],
    );
    assert.deepEqual(await s.read.polls.choicesOf(id, 'sid-1'), [a, c]);
    assert.deepEqual(await s.read.polls.choicesOf(id, 'sid-2'), [a]);
    assert.equal(await s.read.polls.choicesOf(id, 'sid-3'), undefined, 'no vote');
  });

  it('keeps the votes of each poll apart', async () => {
    const first = await create(poll('一', NOW - HOUR, null));
    const second = await create(poll('二', NOW - HOUR, null));
    await vote(first, [(await optionIds(first))[0]!], 'sid-1');
    assert.equal(await s.read.polls.choicesOf(second, 'sid-1'), undefined);
    assert.deepEqual(
      (await s.read.polls.findById(second))!.options.map((o) => o.votes),
      [0, 0],
    );
  });

  it('counts the votes from an address on a poll since an instant', async () => {
    const id = await create(poll('限额', NOW - DAY, null));
    const other = await create(poll('别的', NOW - DAY, null));
    const [yes] = await optionIds(id);
    await vote(id, [yes!], 's1', 'ip-a', NOW - 2 * HOUR);
    await vote(id, [yes!], 's2', 'ip-a', NOW - HOUR);
    await vote(id, [yes!], 's3', 'ip-b', NOW - HOUR);
    await vote(other, [(await optionIds(other))[0]!], 's4', 'ip-a', NOW);
    const { polls } = s.read;
    assert.equal(await polls.countVotesFromAddressSince(id, 'ip-a', NOW - DAY), 2);
    assert.equal(await polls.countVotesFromAddressSince(id, 'ip-a', NOW - 90 * 60_000), 1);
    assert.equal(await polls.countVotesFromAddressSince(id, 'ip-b', NOW - DAY), 1);
    assert.equal(await polls.countVotesFromAddressSince(other, 'ip-b', NOW - DAY), 0);
    assert.equal(await polls.countVotesFromAddressSince(id, 'ip-a', NOW), 0);
  });

  it('lists polls for editors newest start first, with total votes and option counts, paged and counted', async () => {
    assert.equal(await s.read.polls.count(), 0);
    const old = await create(poll('旧', NOW - 2 * DAY, NOW - DAY, ['a', 'b', 'c']));
    const empty = await create({ ...poll('无选项', NOW - DAY, null), options: [] });
    const fresh = await create({ ...poll('新', NOW, null), isMultiple: true });
    const [a, b] = await optionIds(fresh);
    await vote(fresh, [a!, b!], 's1');
    await vote(fresh, [a!], 's2');
    assert.deepEqual(await s.read.polls.listForAdmin(10, 0), [
      { id: fresh, question: '新', isMultiple: true, startsAt: NOW, endsAt: null, totalVotes: 3, optionCount: 2 },
      { id: empty, question: '无选项', isMultiple: false, startsAt: NOW - DAY, endsAt: null, totalVotes: 0, optionCount: 0 },
      { id: old, question: '旧', isMultiple: false, startsAt: NOW - 2 * DAY, endsAt: NOW - DAY, totalVotes: 0, optionCount: 3 },
    ]);
    assert.deepEqual(
      (await s.read.polls.listForAdmin(2, 1)).map((p) => p.id),
      [empty, old],
    );
    assert.equal(await s.read.polls.count(), 3);
  });

  it('edits a poll: kept options keep their votes, new ones are added, the rest removed, in the new order', async () => {
    const id = await create(poll('原问题', NOW - HOUR, null, ['保留', '删除', '改名']));
    const [keep, drop, rename] = await optionIds(id);
    await vote(id, [keep!], 's1');
    await vote(id, [rename!], 's2');
    const changed = await s.write((tx) =>
      tx.polls.update(id, {
        question: '新问题',
        isMultiple: true,
        startsAt: NOW,
        endsAt: NOW + DAY,
        options: [{ label: '新增' }, { id: rename!, label: '改过名' }, { id: keep!, label: '保留' }],
      }),
    );
    assert.equal(changed, true);
    const edited = (await s.read.polls.findById(id))!;
    assert.deepEqual(
      { question: edited.question, isMultiple: edited.isMultiple, startsAt: edited.startsAt, endsAt: edited.endsAt },
      { question: '新问题', isMultiple: true, startsAt: NOW, endsAt: NOW + DAY },
    );
    assert.deepEqual(
      edited.options.map((o) => [o.label, o.votes]),
      [
        ['新增', 0],
        ['改过名', 1],
        ['保留', 1],
      ],
    );
    assert.equal(edited.options[1]!.id, rename);
    assert.equal(edited.options[2]!.id, keep);
    assert.ok(!edited.options.some((o) => o.id === drop));
  });

  it('returns false when editing a poll that does not exist', async () => {
    assert.equal(
      await s.write((tx) => tx.polls.update(999_999, { question: '?', isMultiple: false, startsAt: NOW, endsAt: null, options: [] })),
      false,
    );
    assert.equal(await s.read.polls.count(), 0);
  });

  it('refuses to remove an option with votes (PollOptionHasVotesError), and the rolled-back edit changes nothing', async () => {
    const id = await create(poll('原问题', NOW - HOUR, null, ['有票', '没票']));
    const [voted, unvoted] = await optionIds(id);
    await vote(id, [voted!], 's1');
    await assert.rejects(
      s.write((tx) =>
        tx.polls.update(id, {
          question: '改了',
          isMultiple: false,
          startsAt: NOW,
          endsAt: null,
          options: [{ id: unvoted!, label: '没票' }],
        }),
      ),
      (err) => err instanceof PollOptionHasVotesError && err.optionId === voted && err.label === '有票' && err.votes === 1,
    );
    const unchanged = (await s.read.polls.findById(id))!;
    assert.equal(unchanged.question, '原问题');
    assert.deepEqual(
      unchanged.options.map((o) => [o.label, o.votes]),
      [
        ['有票', 1],
        ['没票', 0],
      ],
    );
  });

  it("refuses an option id that is not one of the poll's (UnknownPollOptionError)", async () => {
    const id = await create(poll('本题', NOW - HOUR, null, ['一']));
    const other = await create(poll('他题', NOW - HOUR, null, ['外']));
    const [foreign] = await optionIds(other);
    await assert.rejects(
      s.write((tx) =>
        tx.polls.update(id, {
          question: '改了',
          isMultiple: false,
          startsAt: NOW,
          endsAt: null,
          options: [{ id: foreign!, label: '偷来' }],
        }),
      ),
      (err) => err instanceof UnknownPollOptionError && err.optionId === foreign,
    );
    assert.equal((await s.read.polls.findById(id))?.question, '本题');
    assert.deepEqual(
      (await s.read.polls.findById(other))!.options.map((o) => o.label),
      ['外'],
    );
  });

  it('deletes a poll with its options and votes', async () => {
    const id = await create(poll('删除', NOW - HOUR, null));
    const keep = await create(poll('保留', NOW - 2 * HOUR, null));
    await vote(id, [(await optionIds(id))[0]!], 's1');
    assert.equal(await s.write((tx) => tx.polls.delete(id)), true);
    assert.equal(await s.read.polls.findById(id), undefined);
    assert.equal(await s.read.polls.choicesOf(id, 's1'), undefined);
    assert.equal(await s.read.polls.countVotesFromAddressSince(id, 'ip-a', 0), 0);
    assert.equal(await s.read.polls.count(), 1);
    assert.equal((await s.read.polls.findLatestOpen(NOW))?.id, keep);
    assert.equal(await s.write((tx) => tx.polls.delete(id)), false);
  });
});
