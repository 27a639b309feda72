// PageRepository: static pages by slug; save() creates or replaces, create() only adds a new
// slug, update() only changes an existing page; each write stamps the time.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { forEachBackend } from './backends.js';
import { freshStorage, MINUTE, NOW } from './support.js';

const about = { slug: 'about', title: '关于本站', bodyHtml: '<p>简介</p>' };

forEachBackend('page repository', (open) => {
  const s = freshStorage(open);

  it('saves a new page and replaces it on the next save', async () => {
    await s.write((tx) => tx.pages.save(about, NOW));
    assert.deepEqual(await s.read.pages.findBySlug('about'), { ...about, updatedAt: NOW });
    await s.write((tx) => tx.pages.save({ ...about, title: '关于我们', bodyHtml: '<p>新</p>' }, NOW + MINUTE));
    assert.deepEqual(await s.read.pages.findBySlug('about'), {
      slug: 'about',
      title: '关于我们',
      bodyHtml: '<p>新</p>',
      updatedAt: NOW + MINUTE,
    });
    assert.equal(await s.read.pages.findBySlug('missing'), undefined);
  });

  it('lists every page by slug, without bodies', async () => {
    assert.deepEqual(await s.read.pages.listAll(), []);
    await s.write(async (tx) => {
      await tx.pages.save({ slug: 'terms', title: '发贴须知', bodyHtml: '<p>x</p>' }, NOW);
      await tx.pages.save(about, NOW + MINUTE);
      await tx.pages.save({ slug: 'ads', title: '广告服务', bodyHtml: '<p>y</p>' }, NOW);
    });
    assert.deepEqual(await s.read.pages.listAll(), [
      { slug: 'about', title: '关于本站', updatedAt: NOW + MINUTE },
      { slug: 'ads', title: '广告服务', updatedAt: NOW },
      { slug: 'terms', title: '发贴须知', updatedAt: NOW },
    ]);
  });

  it('creates a page only when the slug is free, changing nothing otherwise', async () => {
    assert.equal(await s.write((tx) => tx.pages.create(about, NOW)), true);
    assert.equal(await s.write((tx) => tx.pages.create({ ...about, title: '抢注' }, NOW + MINUTE)), false);
    assert.deepEqual(await s.read.pages.findBySlug('about'), { ...about, updatedAt: NOW });
  });

  it('updates an existing page only', async () => {
    assert.equal(await s.write((tx) => tx.pages.update(about, NOW)), false);
    assert.equal(await s.read.pages.findBySlug('about'), undefined, 'update does not create');
    await s.write((tx) => tx.pages.create(about, NOW));
    assert.equal(await s.write((tx) => tx.pages.update({ ...about, title: '改名' }, NOW + MINUTE)), true);
    assert.deepEqual(await s.read.pages.findBySlug('about'), { ...about, title: '改名', updatedAt: NOW + MINUTE });
  });
});
