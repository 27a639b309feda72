// Full-text search (ArticleRepository.search with the terms of lib/search-tokens): every term
// must match; title hits rank above summary and body hits, newer first among equals; only
// visible articles are found, and the index follows every write (update, trash, restore,
// purge) in the same transaction. What the SQLite index is made of is tested in
// tests/unit/repositories/search-repository.test.ts.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { searchTerms, type SearchTerm } from '../../src/lib/search-tokens.js';
import { forEachBackend } from './backends.js';
import { addArticle, addCategory, freshStorage, HOUR, NOW } from './support.js';

const PAGE = { limit: 20, offset: 0 };

forEachBackend('article search', (open) => {
  const s = freshStorage(open);

  const find = async (query: string, now = NOW) => (await s.read.articles.search(searchTerms(query), PAGE, now)).hits.map((h) => h.title);

  it('finds articles containing every term, in the title, summary or body text', async () => {
    await s.write(async (tx) => {
      const law = await addCategory(tx);
      await addArticle(tx, law, { title: '法院判决一起合同纠纷', summary: '', bodyHtml: '<p>详情</p>', publishedAt: NOW - HOUR });
      await addArticle(tx, law, {
        title: '调解',
        summary: '',
        bodyHtml: '<p>正文提到<strong>调解</strong>协议</p>',
        publishedAt: NOW - 2 * HOUR,
      });
      await addArticle(tx, law, { title: '摘要里有', summary: '法院 判决 分开写', bodyHtml: '<p>x</p>', publishedAt: NOW - 3 * HOUR });
      await addArticle(tx, law, { title: 'iPhone 发布', summary: '', bodyHtml: '<p>Apple</p>', publishedAt: NOW - 4 * HOUR });
    });
    assert.deepEqual(await find('法院判决'), ['法院判决一起合同纠纷'], 'a CJK run is a phrase');
    assert.deepEqual(await find('法院 判决'), ['法院判决一起合同纠纷', '摘要里有'], 'separate terms may be apart');
    assert.deepEqual(await find('调解协议'), ['调解'], 'body text without its tags');
    assert.deepEqual(await find('IPHONE'), ['iPhone 发布'], 'words regardless of case');
    assert.deepEqual(await find('iphone apple'), ['iPhone 发布'], 'terms across title and body');
    assert.deepEqual(await find('法院 apple'), [], 'every term must match');
    assert.deepEqual(await find('strong'), [], 'markup is not text');
  });

  it('returns the summary fields and the sanitized body of each hit', async () => {
    const { id, law } = await s.write(async (tx) => {
      const law = await addCategory(tx);
      return { law, id: await addArticle(tx, law, { title: '城市更新', bodyHtml: '<p>老旧小区<em>改造</em></p>', views: 7 }) };
    });
    const results = await s.read.articles.search(searchTerms('城市'), PAGE, NOW);
    assert.deepEqual(results, {
      total: 1,
      hits: [
        {
          id,
          categoryId: law,
          title: '城市更新',
          summary: '摘要',
          coverImage: null,
          publishedAt: NOW - 60_000,
          views: 7,
          bodyHtml: '<p>老旧小区<em>改造</em></p>',
        },
      ],
    });
  });

  it('ranks title hits above summary and body hits, newest first among equals', async () => {
    await s.write(async (tx) => {
      const law = await addCategory(tx);
      await addArticle(tx, law, { title: '正文提到', summary: '无关', bodyHtml: '<p>环保督察</p>', publishedAt: NOW - HOUR });
      await addArticle(tx, law, { title: '摘要提到', summary: '环保督察', bodyHtml: '<p>无关</p>', publishedAt: NOW - 2 * HOUR });
      await addArticle(tx, law, { title: '环保督察 旧', summary: '无关', bodyHtml: '<p>无关</p>', publishedAt: NOW - 4 * HOUR });
      await addArticle(tx, law, { title: '环保督察 新', summary: '无关', bodyHtml: '<p>无关</p>', publishedAt: NOW - 3 * HOUR });
    });
    const hits = await find('环保督察');
    assert.deepEqual(hits.slice(0, 2), ['环保督察 新', '环保督察 旧']);
    assert.deepEqual(hits.slice(2).sort(), ['摘要提到', '正文提到']);
  });

  it('finds visible articles only: no drafts, no trash, a scheduled one once its time comes', async () => {
    const ids = await s.write(async (tx) => {
      const law = await addCategory(tx);
      return {
        shown: await addArticle(tx, law, { title: '可见 关键词' }),
        draft: await addArticle(tx, law, { title: '草稿 关键词', status: 'draft' }),
        scheduled: await addArticle(tx, law, { title: '定时 关键词', status: 'scheduled', publishedAt: NOW + HOUR }),
        trashed: await addArticle(tx, law, { title: '删除 关键词' }),
      };
    });
    await s.write((tx) => tx.articles.moveToTrash(ids.trashed, NOW));
    assert.deepEqual(await find('关键词'), ['可见 关键词']);
    assert.equal((await s.read.articles.search(searchTerms('关键词'), PAGE, NOW)).total, 1);
    assert.deepEqual((await find('关键词', NOW + HOUR)).sort(), ['可见 关键词', '定时 关键词']);
  });

  it('follows updates: old words are no longer found, new ones are, a draft drops out', async () => {
    const id = await s.write(async (tx) => addArticle(tx, await addCategory(tx), { title: '原来的标题', bodyHtml: '<p>旧内容</p>' }));
    const article = (await s.read.articles.findById(id))!;
    await s.write((tx) => tx.articles.update(id, article.version, { ...article, title: '改后的题目', bodyHtml: '<p>新内容</p>' }, NOW));
    assert.deepEqual(await find('原来'), []);
    assert.deepEqual(await find('旧内容'), []);
    assert.deepEqual(await find('改后'), ['改后的题目']);
    assert.deepEqual(await find('新内容'), ['改后的题目']);
    const updated = (await s.read.articles.findById(id))!;
    await s.write((tx) => tx.articles.update(id, updated.version, { ...updated, status: 'draft' }, NOW));
    assert.deepEqual(await find('改后'), [], 'back to draft');
  });

  it('follows the trash: gone when trashed, back when restored, gone for good when purged', async () => {
    const id = await s.write(async (tx) => addArticle(tx, await addCategory(tx), { title: '回收站测试' }));
    await s.write((tx) => tx.articles.moveToTrash(id, NOW));
    assert.deepEqual(await find('回收站'), []);
    await s.write((tx) => tx.articles.restoreFromTrash(id, NOW));
    assert.deepEqual(await find('回收站'), ['回收站测试']);
    await s.write(async (tx) => {
      await tx.articles.moveToTrash(id, NOW);
      await tx.articles.purge(id);
    });
    assert.deepEqual(await find('回收站'), []);
  });

  it('keeps the index in step with a rolled-back transaction', async () => {
    const law = await s.write((tx) => addCategory(tx));
    await assert.rejects(
      s.write(async (tx) => {
        await addArticle(tx, law, { title: '回滚的文章' });
        throw new Error('roll back');
      }),
    );
    assert.deepEqual(await s.read.articles.search(searchTerms('回滚'), PAGE, NOW), { total: 0, hits: [] });
  });

  it('pages through the hits, counting them all', async () => {
    await s.write(async (tx) => {
      const law = await addCategory(tx);
      for (let i = 1; i <= 5; i += 1) await addArticle(tx, law, { title: `分页 第${i}篇`, publishedAt: NOW - i * HOUR });
    });
    const page = (limit: number, offset: number) => s.read.articles.search(searchTerms('分页'), { limit, offset }, NOW);
    const first = await page(2, 0);
    const second = await page(2, 2);
    const third = await page(2, 4);
    assert.deepEqual([first.total, second.total, third.total], [5, 5, 5]);
    assert.deepEqual(
      [...first.hits, ...second.hits, ...third.hits].map((h) => h.title),
      ['分页 第1篇', '分页 第2篇', '分页 第3篇', '分页 第4篇', '分页 第5篇'],
    );
    assert.deepEqual(await page(2, 10), { total: 5, hits: [] }, 'past the end: the total, no hits');
  });

  it('finds nothing for no terms, and takes any token as plain text', async () => {
    await s.write(async (tx) => addArticle(tx, await addCategory(tx), { title: 'a"b 引号' }));
    assert.deepEqual(await s.read.articles.search([], PAGE, NOW), { total: 0, hits: [] });
    const odd: SearchTerm[] = [{ kind: 'word', text: 'near(', tokens: ['near(', '"', '*', 'OR'] }];
    assert.deepEqual(await s.read.articles.search(odd, PAGE, NOW), { total: 0, hits: [] });
    assert.deepEqual(await find('NEAR(引号) OR "x"*'), [], 'operators are words that must match');
    assert.deepEqual(await find('"引号"'), ['a"b 引号']);
  });

  it('finds phrases anywhere in a long article: past 16,383 tokens, and where a token occurs hundreds of times', async () => {
    // PostgreSQL's tsvector keeps positions up to 16,383 and 256 per lexeme: a backend must not
    // lose phrases beyond those limits, nor find words that stand apart as a phrase.
    const filler = '<p>' + '公共服务'.repeat(3000) + '</p>'; // 12,000 characters: about 24,000 tokens, each bigram 3,000 times
    await s.write(async (tx) => {
      const law = await addCategory(tx);
      await addArticle(tx, law, { title: '长文', summary: '', bodyHtml: `${filler}<p>结尾处的司法救助制度</p>`, publishedAt: NOW - HOUR });
      await addArticle(tx, law, { title: '短文', summary: '', bodyHtml: '<p>司法 救助 分开</p>', publishedAt: NOW - 2 * HOUR });
      await addArticle(tx, law, {
        title: '另一篇长文',
        summary: '',
        bodyHtml: `${filler}<p>司法，救助，制度分开写</p>`,
        publishedAt: NOW - 3 * HOUR,
      });
    });
    assert.deepEqual(await find('司法救助制度'), ['长文'], 'a phrase past the last position');
    assert.deepEqual((await find('服务公共')).sort(), ['另一篇长文', '长文'], 'a phrase whose bigrams repeat thousands of times');
    assert.deepEqual(await find('司法救助'), ['长文'], 'the words of a phrase standing apart do not match');
    assert.deepEqual((await find('司法 救助')).sort(), ['另一篇长文', '短文', '长文'], 'separate terms match anywhere');
  });
});
