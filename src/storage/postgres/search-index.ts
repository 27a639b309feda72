// The full-text index of articles on PostgreSQL (table article_search, see
// migrations/postgres/0001): the only place with its SQL. As on SQLite, articles that are
// neither drafts nor in the trash are indexed, and the query checks visibility by time. The
// article repository keeps the index in step with every write, in the caller's transaction.
import { SEARCH_TOKENS_VERSION, htmlToPlainText, type SearchTerm } from '../../lib/search-tokens.js';
import { type ArticleSummaryRow, toArticleSummary } from '../../repositories/article-rows.js';
import type { ArticleSearchResults, TermHit } from '../../repositories/search-repository.js';
import { allTokensQuery, phraseQuery, phraseTexts, quoteLexeme, searchDocument } from './search-document.js';
import type { Sql } from './sql.js';

interface SourceRow {
  title: string;
  summary: string;
  body_html: string;
  status: string;
  deleted_at: number | null;
}

interface HitRow extends ArticleSummaryRow {
  body_html: string;
}

const INDEXED = "status <> 'draft' AND deleted_at IS NULL";

// $1 the phrase query, $2 every token required, $3 the phrases to confirm in long articles, $4 now.
// An ordinary article matches on its positions (<->); a long one (plain_text kept) matches when
// it holds every token and its text holds every phrase.
const MATCHING_VISIBLE = `s.document @@ $2::tsquery
  AND (CASE WHEN s.plain_text IS NULL THEN s.document @@ $1::tsquery
            ELSE NOT EXISTS (SELECT 1 FROM unnest($3::text[]) AS phrase WHERE strpos(s.plain_text, phrase) = 0) END)
  AND a.status <> 'draft' AND a.deleted_at IS NULL AND a.published_at <= $4`;
// Title hits count ten times, summary hits three times as much as body hits (weights D, C, B,
// A; D: the tokens of a long article past the last position, which have none).
const SCORE = "ts_rank('{0.05, 0.1, 0.3, 1.0}', s.document, $2::tsquery, 0)";

export class PostgresSearchIndex {
  constructor(private readonly sql: Sql) {}

  /** Brings one article's entry in line with its row (indexed, replaced or dropped). */
  async sync(id: number): Promise<void> {
    const row = await this.sql.row<SourceRow>('SELECT title, summary, body_html, status, deleted_at FROM articles WHERE id = $1', [id]);
    if (!row || row.status === 'draft' || row.deleted_at !== null) {
      await this.remove(id);
      return;
    }
    const document = searchDocument({ title: row.title, summary: row.summary, body: htmlToPlainText(row.body_html) });
    await this.sql.run(
      `INSERT INTO article_search (article_id, document, plain_text) VALUES ($1, $2::tsvector, $3)
       ON CONFLICT (article_id) DO UPDATE SET document = excluded.document, plain_text = excluded.plain_text`,
      [id, document.vector, document.plainText],
    );
  }

  async remove(id: number): Promise<void> {
    await this.sql.run('DELETE FROM article_search WHERE article_id = $1', [id]);
  }

  /** Up to `limit` visible articles whose title or summary contains the term, in no particular order. */
  async headlinesWith(term: SearchTerm, limit: number, now: number): Promise<TermHit[]> {
    // title and summary tokens carry the weights A and B (search-document.ts)
    const inHeadline = term.tokens.map((token) => `${quoteLexeme(token)}:AB`).join(' <-> ');
    const rows = await this.sql.rows<{ id: number; category_id: number; published_at: number }>(
      `SELECT a.id, a.category_id, a.published_at FROM article_search s JOIN articles a ON a.id = s.article_id
       WHERE s.document @@ $1::tsquery AND a.status <> 'draft' AND a.deleted_at IS NULL AND a.published_at <= $2 LIMIT $3`,
      [inHeadline, now, limit],
    );
    return rows.map((row) => ({ id: row.id, categoryId: row.category_id, publishedAt: row.published_at }));
  }

  /** Visible articles containing every term, best first, newest first among equals. */
  async search(terms: readonly SearchTerm[], limit: number, offset: number, now: number): Promise<ArticleSearchResults> {
    if (terms.length === 0) return { total: 0, hits: [] };
    const params = [phraseQuery(terms), allTokensQuery(terms), phraseTexts(terms), now];
    const total =
      (await this.sql.value<number>(
        `SELECT COUNT(*) FROM article_search s JOIN articles a ON a.id = s.article_id WHERE ${MATCHING_VISIBLE}`,
        params,
      )) ?? 0;
    if (total === 0 || offset >= total) return { total, hits: [] };
    const rows = await this.sql.rows<HitRow>(
      `SELECT a.id, a.category_id, a.title, a.summary, a.cover_image, a.published_at, a.views, a.body_html
       FROM (
         SELECT s.article_id AS id, ${SCORE} AS score, a.published_at
         FROM article_search s JOIN articles a ON a.id = s.article_id
         WHERE ${MATCHING_VISIBLE}
         ORDER BY score DESC, a.published_at DESC, s.article_id DESC
         LIMIT $5 OFFSET $6
       ) ranked
       JOIN articles a ON a.id = ranked.id
       ORDER BY ranked.score DESC, ranked.published_at DESC, ranked.id DESC`,
      [...params, limit, offset],
    );
    return { total, hits: rows.map((row) => ({ ...toArticleSummary(row), bodyHtml: row.body_html })) };
  }

  /**
   * Indexes what is missing and drops what should not be there; rebuilds everything when the
   * index was made by other tokens (SEARCH_TOKENS_VERSION). Call inside a transaction.
   */
  async reconcile(): Promise<{ rebuilt: boolean; indexed: number; removed: number }> {
    const stored = await this.sql.value<number>('SELECT tokens_version FROM search_index_state WHERE id = 1');
    const rebuilt = stored !== SEARCH_TOKENS_VERSION;
    let removed = 0;
    if (rebuilt) {
      await this.sql.run('DELETE FROM article_search');
    } else {
      removed = await this.sql.run(`DELETE FROM article_search WHERE article_id NOT IN (SELECT id FROM articles WHERE ${INDEXED})`);
    }
    const toIndex = await this.sql.rows<{ id: number }>(
      rebuilt
        ? `SELECT id FROM articles WHERE ${INDEXED} ORDER BY id`
        : `SELECT id FROM articles WHERE ${INDEXED} AND id NOT IN (SELECT article_id FROM article_search) ORDER BY id`,
    );
    for (const { id } of toIndex) await this.sync(id);
    if (rebuilt) await this.sql.run('UPDATE search_index_state SET tokens_version = $1 WHERE id = 1', [SEARCH_TOKENS_VERSION]);
    return { rebuilt, indexed: toIndex.length, removed };
  }
}
