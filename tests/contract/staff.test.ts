// StaffRepository: exact look-ups for readers (name or card number, never a part of it), a
// search for editors over name, card number, position and department (text matched literally,
// paged and counted), unique card numbers (StaffCardNumberTakenError), update and delete.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { StaffFields } from '../../src/repositories/staff-repository.js';
import { StaffCardNumberTakenError } from '../../src/repositories/staff-repository.js';
import type { Repositories } from '../../src/repositories/index.js';
import { forEachBackend } from './backends.js';
import { freshStorage, NOW } from './support.js';

function member(name: string, cardNumber: string, extra: Partial<StaffFields> = {}): StaffFields {
  return { name, cardNumber, position: '记者', department: '新闻部', status: 'active', photo: null, ...extra };
}

async function seedStaff(tx: Repositories) {
  return {
    zhang: await tx.staff.create(member('张三', 'JZ-001', { photo: '/uploads/staff/z.jpg' }), NOW),
    li: await tx.staff.create(member('李四', 'JZ-002', { position: '编辑', department: '编辑部' }), NOW),
    zhang2: await tx.staff.create(member('张三', 'JZ-003', { status: 'left' }), NOW),
    wang: await tx.staff.create(member('王五', '100%_A', { position: '摄影', department: '视觉部' }), NOW),
  };
}

/** The card numbers found, sorted (the order of a look-up is not part of the contract). */
const cards = (list: { cardNumber: string }[]) => list.map((m) => m.cardNumber).sort();

forEachBackend('staff repository', (open) => {
  const s = freshStorage(open);

  it('creates a record and finds it by id and by card number, every field kept', async () => {
    const ids = await s.write(seedStaff);
    const expected = {
      id: ids.zhang,
      name: '张三',
      cardNumber: 'JZ-001',
      position: '记者',
      department: '新闻部',
      status: 'active',
      photo: '/uploads/staff/z.jpg',
    };
    assert.deepEqual(await s.read.staff.findById(ids.zhang), expected);
    assert.deepEqual(await s.read.staff.findByCardNumber('JZ-001'), expected);
    assert.equal(await s.read.staff.findById(999_999), undefined);
    assert.equal(await s.read.staff.findByCardNumber('JZ-999'), undefined);
  });

  it('finds records whose name or card number equals the query exactly', async () => {
    await s.write(seedStaff);
    const { staff } = s.read;
    assert.deepEqual(cards(await staff.findExact('张三')), ['JZ-001', 'JZ-003'], 'both of that name, whatever their status');
    assert.deepEqual(cards(await staff.findExact('JZ-002')), ['JZ-002']);
    assert.deepEqual(await staff.findExact('张'), [], 'not a part of a name');
    assert.deepEqual(await staff.findExact('JZ-00'), [], 'not a part of a card number');
    assert.deepEqual(await staff.findExact('记者'), [], 'not the position');
    assert.deepEqual(await staff.findExact('%'), [], 'wildcards are plain text');
  });

  it('searches name, card number, position and department for editors, literally, and counts', async () => {
    await s.write(seedStaff);
    const { staff } = s.read;
    const search = async (text: string) => cards(await staff.search(text, 10, 0));
    assert.deepEqual(await search('张'), ['JZ-001', 'JZ-003'], 'part of a name');
    assert.deepEqual(await search('JZ-00'), ['JZ-001', 'JZ-002', 'JZ-003'], 'part of a card number');
    assert.deepEqual(await search('编辑'), ['JZ-002'], 'position or department');
    assert.deepEqual(await search('视觉'), ['100%_A'], 'department');
    assert.deepEqual(await search('%_'), ['100%_A'], '% and _ are matched literally');
    assert.deepEqual(await search('_'), ['100%_A']);
    assert.deepEqual(await search('不存在'), []);
    assert.deepEqual(await search(''), ['100%_A', 'JZ-001', 'JZ-002', 'JZ-003'], 'no text: everyone');
    assert.equal(await staff.countSearch('张'), 2);
    assert.equal(await staff.countSearch('%'), 1);
    assert.equal(await staff.countSearch('  '), 4);
  });

  it('pages through the search without repeating or skipping anyone', async () => {
    await s.write(seedStaff);
    const { staff } = s.read;
    const pages = [...(await staff.search('', 3, 0)), ...(await staff.search('', 3, 3)), ...(await staff.search('', 3, 6))];
    assert.equal(pages.length, 4);
    assert.deepEqual(cards(pages), ['100%_A', 'JZ-001', 'JZ-002', 'JZ-003']);
    assert.deepEqual(
      (await staff.search('', 10, 0)).map((m) => m.id),
      pages.map((m) => m.id),
      'the same order page by page',
    );
  });

  it('refuses a card number another record has, with StaffCardNumberTakenError', async () => {
    await s.write(seedStaff);
    await assert.rejects(
      s.write((tx) => tx.staff.create(member('赵六', 'JZ-001'), NOW)),
      (err) => err instanceof StaffCardNumberTakenError && err.cardNumber === 'JZ-001',
    );
    assert.equal(await s.read.staff.countSearch(''), 4);
  });

  it('updates a record, keeping or changing its card number; false when there is none', async () => {
    const ids = await s.write(seedStaff);
    const changed = member('李四', 'JZ-002', { position: '主编', status: 'left', photo: '/p.jpg' });
    assert.equal(await s.write((tx) => tx.staff.update(ids.li, changed)), true);
    assert.deepEqual(await s.read.staff.findById(ids.li), { id: ids.li, ...changed });
    assert.equal(await s.write((tx) => tx.staff.update(ids.li, { ...changed, cardNumber: 'JZ-102' })), true);
    assert.equal(await s.read.staff.findByCardNumber('JZ-002'), undefined);
    assert.equal((await s.read.staff.findByCardNumber('JZ-102'))?.id, ids.li);
    assert.equal(await s.write((tx) => tx.staff.update(999_999, member('无', 'JZ-999'))), false);
    assert.equal(await s.read.staff.findByCardNumber('JZ-999'), undefined);
  });

  it("refuses to update a record to another's card number, with StaffCardNumberTakenError", async () => {
    const ids = await s.write(seedStaff);
    await assert.rejects(
      s.write((tx) => tx.staff.update(ids.li, member('李四', 'JZ-001'))),
      (err) => err instanceof StaffCardNumberTakenError && err.cardNumber === 'JZ-001',
    );
    assert.equal((await s.read.staff.findById(ids.li))?.cardNumber, 'JZ-002');
  });

  it('deletes a record once', async () => {
    const ids = await s.write(seedStaff);
    assert.equal(await s.write((tx) => tx.staff.delete(ids.wang)), true);
    assert.equal(await s.read.staff.findById(ids.wang), undefined);
    assert.equal(await s.read.staff.countSearch(''), 3);
    assert.equal(await s.write((tx) => tx.staff.delete(ids.wang)), false);
  });
});
