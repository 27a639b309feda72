import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { demoArticles, seedDemoContentIfEmpty } from '../../../src/content/seed.js';
import { publicDir } from '../../../src/paths.js';
import { makeTestDb } from '../../support/fixtures.js';

const NOW = Date.UTC(2026, 10, 20, 4, 0, 0);
const plain = (html: string) => html.replace(/<[^>]+>/g, '');

describe('demo content', () => {
  it('is realistic: 30+ original articles with sub-headings, author, source and a closing bio', () => {
    assert.ok(demoArticles.length >= 30);
    const titles = new Set(demoArticles.map((a) => a.title));
    assert.equal(titles.size, demoArticles.length, 'titles are unique');
    for (const article of demoArticles) {
      assert.ok(article.author && article.source && article.summary, article.title);
      assert.ok(plain(article.bodyHtml).length >= 400, `${article.title} has several paragraphs`);
      assert.ok((article.bodyHtml.match(/<p>/g) ?? []).length >= 4, article.title);
      assert.match(article.bodyHtml, /<p>[【（][^<]+[】）]<\/p>\s*$/, `${article.title} ends with a bio in brackets`);
    }
    assert.ok(demoArticles.filter((a) => a.category !== 'photos').every((a) => /<h2>/.test(a.bodyHtml)));
  });

  it('ships at least 8 cover images, every one the articles name', () => {
    const covers = new Set(demoArticles.flatMap((a) => (a.cover ? [a.cover] : [])));
    assert.ok(demoArticles.filter((a) => a.cover).length >= 8);
    for (const cover of covers) {
      const file = path.join(publicDir, 'images', 'demo', cover);
      const bytes = fs.readFileSync(file);
      assert.equal(bytes.subarray(0, 3).toString('hex'), 'ffd8ff', `${cover} is a JPEG`);
      assert.ok(bytes.length < 80_000, `${cover} is small`);
    }
  });

  it('fills an empty database once: categories, articles, poll, staff, pages, settings, comments', async () => {
    const t = makeTestDb();
    assert.equal(await seedDemoContentIfEmpty(t.storage.transaction, NOW), true);
    assert.equal(await seedDemoContentIfEmpty(t.storage.transaction, NOW), false, 'not twice');
    const count = (table: string) => t.db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
    assert.ok(count('categories') >= 6);
    assert.equal(count('articles'), demoArticles.length);
    assert.ok(count('staff') >= 3);
    assert.ok(count('polls') >= 1 && count('poll_options') >= 3);
    assert.ok(count('comments') >= 5);
    for (const slug of ['about', 'ads', 'partnership', 'contact', 'comment-rules', 'submit-guide', 'set-homepage', 'bookmark']) {
      assert.ok(await t.repositories.pages.findBySlug(slug), slug);
    }
    const settings = await t.repositories.settings.getAll();
    assert.equal(settings.siteName, '社会法治观察网');
    assert.ok(await t.repositories.polls.findLatestOpen(NOW));
    const daily = t.db.prepare('SELECT SUM(views) FROM article_views_daily').pluck().get() as number;
    const total = t.db.prepare('SELECT SUM(views) FROM articles').pluck().get() as number;
    assert.equal(daily, total, 'past reads are in daily buckets too');
    t.close();
  });
});
