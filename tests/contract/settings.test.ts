// SettingsRepository: key/value site settings; setMany adds or replaces the given keys and
// leaves the others alone.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachBackend } from './backends.js';
import { freshStorage } from './support.js';

forEachBackend('settings repository', (open) => {
  const s = freshStorage(open);

  it('starts without settings', async () => {
    assert.deepEqual(await s.read.settings.getAll(), {});
  });

  it('adds and replaces the given keys, keeping the others', async () => {
    await s.write((tx) => tx.settings.setMany({ siteName: '法治网', timeZone: 'Asia/Shanghai' }));
    assert.deepEqual(await s.read.settings.getAll(), { siteName: '法治网', timeZone: 'Asia/Shanghai' });
    await s.write((tx) => tx.settings.setMany({ siteName: '新名字', icpNumber: '京ICP备00000000号' }));
    assert.deepEqual(await s.read.settings.getAll(), { siteName: '新名字', timeZone: 'Asia/Shanghai', icpNumber: '京ICP备00000000号' });
    await s.write((tx) => tx.settings.setMany({}));
    assert.equal(Object.keys(await s.read.settings.getAll()).length, 3);
  });

  it('keeps values exactly: empty, multi-line and quoted', async () => {
    const values = { empty: '', lines: '第一行\n第二行', quoted: `'"; --` };
    await s.write((tx) => tx.settings.setMany(values));
    assert.deepEqual(await s.read.settings.getAll(), values);
  });
});
