// /admin/staff: list with search, create, edit, delete; audited, and the reader look-up at
// /staff?q= answers from the changed records at once; CSRF, 422, 404.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { demoStaff } from '../../src/content/demo/site-data.js';
import { loggedIn } from '../support/admin.js';
import type { ReaderSession } from '../support/browser-session.js';
import { auditEntries } from '../support/records.js';
import sharp from 'sharp';
import { multipart } from '../support/multipart.js';
import { makeTestApp, textOf, type TestApp } from '../support/test-app.js';

describe('admin: staff records', () => {
  let t: TestApp;
  let editor: ReaderSession;

  before(async () => {
    t = await makeTestApp();
    editor = await loggedIn(t, 'chief');
  });
  after(() => t.close());

  const post = (path: string, fields: Record<string, string>) => editor.post(path, { _csrf: editor.csrfToken, ...fields });
  const staffRow = (cardNumber: string) => t.storage.repositories.staff.findByCardNumber(cardNumber);
  const staffCount = () => t.storage.repositories.staff.countSearch(''); // no search text: every record
  const audits = (action: string) => auditEntries(t.storage.repositories, { action });
  const lookUp = async (q: string) => {
    const { $ } = await t.get(`/staff?q=${encodeURIComponent(q)}`);
    return {
      names: $('.staff-card dt:contains(姓名) + dd')
        .map((_, dd) => $(dd).text())
        .get(),
      text: textOf($, '.staff-lookup'),
    };
  };
  const valid = {
    name: '周新华',
    cardNumber: 'SHFZ-2026-0001',
    position: '见习记者',
    department: '法治新闻部',
    status: 'active',
    photo: '',
  };

  it('lists every record with search over name, card number, position and department', async () => {
    const all = await editor.get('/admin/staff');
    assert.equal(all.status, 200);
    assert.equal(all.$('.data-table tbody tr').length, demoStaff.length);
    assert.equal(all.$('.data-table .status-left').length, demoStaff.filter((m) => m.status === 'left').length);
    const byDepartment = await editor.get(`/admin/staff?q=${encodeURIComponent('舆论监督')}`);
    assert.deepEqual(
      byDepartment
        .$('.data-table tbody tr td:first-child')
        .map((_, td) => byDepartment.$(td).text())
        .get(),
      ['陈思远'],
    );
    assert.equal(byDepartment.$('#staff-q').val(), '舆论监督');
    const byCard = await editor.get('/admin/staff?q=2018');
    assert.equal(byCard.$('.data-table tbody tr').length, 1);
    const wildcard = await editor.get('/admin/staff?q=%25');
    assert.equal(wildcard.$('.data-table tbody tr').length, 0, '% is matched literally');
    assert.match(textOf(wildcard.$, '.admin-panel'), /没有包含“%”的人员记录/);
    assert.equal((await editor.get('/admin/staff?q=a&q=b')).status, 400);
  });

  it('creates a record: stored normalized, audited, and found by the reader look-up at once', async () => {
    assert.match((await lookUp('SHFZ-2026-0001')).text, /查无此人/);
    // full-width letters, digits and hyphen (typed with a Chinese input method) are normalized
    const response = await post('/admin/staff', { ...valid, cardNumber: 'ＳＨＦＺ－２０２６－０００１', photo: '/uploads/zhou.jpg' });
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/admin/staff');
    const stored = (await staffRow('SHFZ-2026-0001'))!;
    assert.deepEqual(
      { ...stored, id: 0 },
      {
        id: 0,
        name: '周新华',
        cardNumber: 'SHFZ-2026-0001',
        position: '见习记者',
        department: '法治新闻部',
        status: 'active',
        photo: '/uploads/zhou.jpg',
      },
    );
    assert.match(textOf((await editor.get('/admin/staff')).$, '.notice-success'), /人员“周新华”已添加/);
    assert.deepEqual((await lookUp('SHFZ-2026-0001')).names, ['周新华']);
    assert.deepEqual((await lookUp('周新华')).names, ['周新华']);
    const audit = (await audits('staff.create')).at(-1)!;
    assert.deepEqual([audit.entityType, audit.entityId], ['staff', String(stored.id)]);
    assert.match(audit.summary, /周新华（SHFZ-2026-0001）/);
  });

  it('comes back 422 with field errors and the input kept; nothing stored', async () => {
    const before = await staffCount();
    const response = await post('/admin/staff', {
      name: '',
      cardNumber: 'SHFZ 2026/01',
      position: '职'.repeat(31),
      department: '',
      status: 'fired',
      photo: 'javascript:alert(1)',
    });
    assert.equal(response.status, 422);
    const { $ } = response;
    assert.equal(textOf($, '#staff-name-error'), '请填写姓名。');
    assert.match(textOf($, '#staff-cardNumber-error'), /字母、数字或连字符/);
    assert.match(textOf($, '#staff-position-error'), /30/);
    assert.match(textOf($, '#staff-status-error'), /在职或离职/);
    assert.match(textOf($, '#staff-photo-error'), /以 \/ 开头/);
    assert.equal($('#staff-cardNumber').val(), 'SHFZ 2026/01');
    assert.equal($('#staff-photo').val(), 'javascript:alert(1)');
    assert.equal($('#staff-cardNumber').attr('aria-invalid'), 'true');
    for (const photo of ['//evil.example/x.png', '/../secret', 'https://evil.example/x.png', '/images/a b.png']) {
      const bad = await post('/admin/staff', { ...valid, cardNumber: 'SHFZ-PHOTO-1', photo });
      assert.equal(bad.status, 422, photo);
    }
    const taken = await post('/admin/staff', { ...valid, name: '另一个人', cardNumber: demoStaff[0]!.cardNumber });
    assert.equal(taken.status, 422);
    assert.equal(textOf(taken.$, '#staff-cardNumber-error'), '这个证件编号已属于另一条人员记录。');
    assert.equal(taken.$('#staff-name').val(), '另一个人');
    assert.equal(await staffCount(), before);
  });

  it('edits a record: marking someone as left shows on the reader look-up at once', async () => {
    const member = demoStaff.find((m) => m.status === 'active')!;
    const { id } = (await staffRow(member.cardNumber))!;
    const form = await editor.get(`/admin/staff/${id}/edit`);
    assert.equal(form.$('#staff-name').val(), member.name);
    assert.equal(form.$('input[name=status][value=active]').attr('checked'), 'checked');
    const response = await post(`/admin/staff/${id}`, {
      name: member.name,
      cardNumber: member.cardNumber,
      position: '特约记者',
      department: member.department,
      status: 'left',
      photo: '',
    });
    assert.equal(response.status, 303);
    assert.equal((await staffRow(member.cardNumber))!.status, 'left');
    assert.equal((await staffRow(member.cardNumber))!.position, '特约记者');
    assert.match((await lookUp(member.cardNumber)).text, /此人已离职/);
    assert.match((await audits('staff.update')).at(-1)!.summary, /在职→离职/);
    // keeping its own card number is fine; taking another's is not
    const other = demoStaff.find((m) => m.cardNumber !== member.cardNumber)!;
    const taken = await post(`/admin/staff/${id}`, {
      name: member.name,
      cardNumber: other.cardNumber,
      position: '',
      department: '',
      status: 'left',
      photo: '',
    });
    assert.equal(taken.status, 422);
    assert.equal((await staffRow(member.cardNumber))!.id, id);
  });

  it('deletes a record: the reader look-up no longer finds it, audited', async () => {
    await post('/admin/staff', { ...valid, name: '待删除', cardNumber: 'SHFZ-DEL-0001' });
    const { id } = (await staffRow('SHFZ-DEL-0001'))!;
    assert.deepEqual((await lookUp('SHFZ-DEL-0001')).names, ['待删除']);
    const list = await editor.get('/admin/staff?q=SHFZ-DEL');
    assert.equal(list.$(`tr[data-staff-id=${id}] form[action$="/delete"] button`).attr('data-confirm'), '确定删除吗？');
    const response = await post(`/admin/staff/${id}/delete`, {});
    assert.equal(response.status, 303);
    assert.equal(await staffRow('SHFZ-DEL-0001'), undefined);
    assert.match((await lookUp('SHFZ-DEL-0001')).text, /查无此人/);
    assert.equal((await audits('staff.delete')).at(-1)!.entityId, String(id));
  });

  it('unknown or malformed ids: 404 and nothing changed', async () => {
    const before = await staffCount();
    for (const id of ['999999', 'abc', '-1']) {
      assert.equal((await editor.get(`/admin/staff/${id}/edit`)).status, 404, id);
      assert.equal((await post(`/admin/staff/${id}`, valid)).status, 404, id);
      assert.equal((await post(`/admin/staff/${id}/delete`, {})).status, 404, id);
    }
    assert.equal(await staffCount(), before);
  });

  it('missing or forged CSRF token: 403 and nothing changed', async () => {
    const member = (await staffRow(demoStaff[1]!.cardNumber))!;
    const before = await staffCount();
    for (const extra of [{}, { _csrf: 'forged-token' }] as Record<string, string>[]) {
      assert.equal((await editor.post('/admin/staff', { ...valid, cardNumber: 'SHFZ-CSRF-1', ...extra })).status, 403);
      assert.equal((await editor.post(`/admin/staff/${member.id}`, { ...valid, ...extra })).status, 403);
      assert.equal((await editor.post(`/admin/staff/${member.id}/delete`, extra)).status, 403);
    }
    assert.equal(await staffCount(), before);
    assert.deepEqual(await staffRow(demoStaff[1]!.cardNumber), member);
  });

  it('takes an uploaded photo (re-encoded) and shows it on the reader look-up; refuses SVG', async () => {
    const photo = await sharp({ create: { width: 300, height: 400, channels: 3, background: '#8899aa' } })
      .jpeg()
      .toBuffer();
    const fields = { _csrf: editor.csrfToken, ...valid, name: '带照片', cardNumber: 'SHFZ-2026-0777' };
    const created = await editor.postMultipart(
      '/admin/staff',
      multipart(fields, { field: 'photoFile', name: 'me.jpg', type: 'image/jpeg', bytes: photo }),
    );
    assert.equal(created.status, 303);
    const row = (await staffRow('SHFZ-2026-0777'))!;
    assert.match(row.photo ?? '', /^\/uploads\/.+\.webp$/);
    const { $ } = await t.get(`/staff?q=${encodeURIComponent('带照片')}`);
    assert.equal($('.staff-card img').attr('src'), row.photo);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>');
    const refused = await editor.postMultipart(
      '/admin/staff',
      multipart({ ...fields, cardNumber: 'SHFZ-2026-0778' }, { field: 'photoFile', name: 'x.svg', type: 'image/svg+xml', bytes: svg }),
    );
    assert.equal(refused.status, 415);
    assert.equal(await staffRow('SHFZ-2026-0778'), undefined);
  });
});
