// The full-text index of articles (SQLite FTS5 table articles_fts, see migrations/sqlite/0006):
// the only place with FTS SQL. Articles that are neither drafts nor in the trash are indexed
// (scheduled ones too: they become visible by time alone, so the query checks visibility).
// The article repository keeps the index in step with every write, in the caller's transaction.
import type { Db } from './database.js';
import { SEARCH_TOKENS_VERSION, htmlToPlainText, indexTokens, type SearchTerm } from '../../lib/search-tokens.js';
import { type ArticleSummaryRow, toArticleSummary } from '../../repositories/article-rows.js';
import type { ArticleSearchResults, TermHit } from '../../repositories/search-repository.js';

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

interface TermHitRow {
  id: number;
  category_id: number;
  published_at: number;
}

interface QueryParams {
  match: string;
  now: number;
}

// Title words count ten times, summary words three times as much as body words.
const SCORE = 'bm25(articles_fts, 10.0, 3.0, 1.0)';
const MATCHING_VISIBLE = `articles_fts MATCH @match
  AND a.status <> 'draft' AND a.deleted_at IS NULL AND a.published_at <= @now`;
const INDEXED = "status <> 'draft' AND deleted_at IS NULL";

/**
 * An FTS5 query that means exactly the terms: each token a quoted string (so nothing a reader
 * types is ever FTS syntax), the tokens of a term joined as a phrase, all terms required.
 */
export function matchExpression(terms: readonly SearchTerm[]): string {
  return terms.map((term) => term.tokens.map((token) => `"${token.replaceAll('"', '""')}"`).join(' + ')).join(' AND ');
}

export class SearchIndex {
  private readonly source;
  private readonly put;
  private readonly deleteEntry;
  private readonly countMatches;
  private readonly rankedPage;
  private readonly storedVersion;
  private readonly setVersion;
  private readonly clear;
  private readonly allIndexable;
  private readonly missing;
  private readonly orphans;
  private readonly withTerm;

  constructor(db: Db) {
    this.source = db.prepare<[number], SourceRow>('SELECT title, summary, body_html, status, deleted_at FROM articles WHERE id = ?');
    this.put = db.prepare<{ id: number; title: string; summary: string; body: string }>(
      'INSERT OR REPLACE INTO articles_fts (rowid, title, summary, body) VALUES (@id, @title, @summary, @body)',
    );
    this.deleteEntry = db.prepare<[number]>('DELETE FROM articles_fts WHERE rowid = ?');
    this.countMatches = db.prepare<QueryParams, { n: number }>(
      `SELECT COUNT(*) AS n FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid WHERE ${MATCHING_VISIBLE}`,
    );
    // Ranks ids first and joins the article rows for one page only, so bodies of the other
    // matches never go through the sort.
    this.rankedPage = db.prepare<QueryParams & { limit: number; offset: number }, HitRow>(
      `SELECT a.id, a.category_id, a.title, a.summary, a.cover_image, a.published_at, a.views, a.body_html
       FROM (
         SELECT articles_fts.rowid AS id, ${SCORE} AS score
         FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
         WHERE ${MATCHING_VISIBLE}
         ORDER BY score, a.published_at DESC, a.id DESC
         LIMIT @limit OFFSET @offset
       ) ranked
       JOIN articles a ON a.id = ranked.id
       ORDER BY ranked.score, a.published_at DESC, a.id DESC`,
    );
    this.withTerm = db.prepare<QueryParams & { limit: number }, TermHitRow>(
      `SELECT a.id, a.category_id, a.published_at FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
       WHERE ${MATCHING_VISIBLE} LIMIT @limit`,
    );
    this.storedVersion = db.prepare<[], number>('SELECT tokens_version FROM search_index_state WHERE id = 1').pluck();
    this.setVersion = db.prepare<[number]>('UPDATE search_index_state SET tokens_version = ? WHERE id = 1');
    this.clear = db.prepare("INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')");
    this.allIndexable = db.prepare<[], number>(`SELECT id FROM articles WHERE ${INDEXED} ORDER BY id`).pluck();
    this.missing = db
      .prepare<[], number>(`SELECT id FROM articles WHERE ${INDEXED} AND id NOT IN (SELECT rowid FROM articles_fts) ORDER BY id`)
      .pluck();
    this.orphans = db
      .prepare<[], number>(`SELECT rowid FROM articles_fts WHERE rowid NOT IN (SELECT id FROM articles WHERE ${INDEXED})`)
      .pluck();
  }

  /** Brings one article's entry in line with its row (indexed, replaced or dropped). */
  sync(id: number): void {
    const row = this.source.get(id);
    if (!row || row.status === 'draft' || row.deleted_at !== null) {
      this.deleteEntry.run(id);
      return;
    }
    this.put.run({
      id,
      title: indexTokens(row.title),
      summary: indexTokens(row.summary),
      body: indexTokens(htmlToPlainText(row.body_html)),
    });
  }

  remove(id: number): void {
    this.deleteEntry.run(id);
  }

  /** Up to `limit` visible articles whose title or summary contains the term, in no particular order. */
  headlinesWith(term: SearchTerm, limit: number, now: number): TermHit[] {
    return this.withTerm
      .all({ match: `{title summary} : ${matchExpression([term])}`, now, limit })
      .map((row) => ({ id: row.id, categoryId: row.category_id, publishedAt: row.published_at }));
  }

  /** Visible articles containing every term, best first, newest first among equals. */
  search(terms: readonly SearchTerm[], limit: number, offset: number, now: number): ArticleSearchResults {
    if (terms.length === 0) return { total: 0, hits: [] };
    const params = { match: matchExpression(terms), now };
    const total = this.countMatches.get(params)?.n ?? 0;
    if (total === 0 || offset >= total) return { total, hits: [] };
    const hits = this.rankedPage.all({ ...params, limit, offset }).map((row) => ({ ...toArticleSummary(row), bodyHtml: row.body_html }));
    return { total, hits };
  }

  /**
   * Indexes what is missing and drops what should not be there; rebuilds everything when the
   * index was made by other tokens (SEARCH_TOKENS_VERSION). Call inside a transaction.
   */
  reconcile(): SearchIndexReport {
    const rebuilt = this.storedVersion.get() !== SEARCH_TOKENS_VERSION;
    let removed = 0;
    if (rebuilt) {
      this.clear.run();
    } else {
      for (const id of this.orphans.all()) {
        this.deleteEntry.run(id);
        removed += 1;
      }
    }
    const toIndex = rebuilt ? this.allIndexable.all() : this.missing.all();
    for (const id of toIndex) this.sync(id);
    if (rebuilt) this.setVersion.run(SEARCH_TOKENS_VERSION);
    return { rebuilt, indexed: toIndex.length, removed };
  }
}

export interface SearchIndexReport {
  /** the whole index was rebuilt (new database, or new tokens) */
  rebuilt: boolean;
  /** articles (re)indexed */
  indexed: number;
  /** entries dropped because their article is gone, a draft or in the trash */
  removed: number;
}

/**
 * Fills the search index for articles written before it existed (or by other tokens). Cheap
 * when all is in step; call once after migrate() at start and after bulk imports.
 */
export function ensureSearchIndex(db: Db): SearchIndexReport {
  const index = new SearchIndex(db);
  return db.transaction(() => index.reconcile()).immediate();
}
