// 站内搜索 (/search?q=): full-text search of visible articles, 20 a page, the query's terms
// highlighted in each title and snippet (as plain segments the view escapes).
import type { Request, Response } from 'express';
import type { SiteContext } from '../site-context.js';
import type { ArticleSearchHit } from '../../repositories/search-repository.js';
import { excerpt, hasHit, highlight, type Segment } from '../../services/search-snippets.js';
import { htmlToPlainText, searchTerms, type SearchTerm } from '../../lib/search-tokens.js';
import { notFound } from '../http-error.js';
import { paginate } from '../pagination.js';
import { pageNumber, queryString } from '../params.js';
import { SITE_MESSAGES } from '../messages/site.js';

export const RESULTS_PER_PAGE = 20;
/** longer queries are refused with 400 (not cut: a cut query would search for something else) */
export const MAX_QUERY_LENGTH = 100;
const SNIPPET_LENGTH = 110;

export interface SearchResult {
  article: ArticleSearchHit;
  title: Segment[];
  snippet: Segment[];
}

export function searchController({ repositories, clock }: SiteContext) {
  return {
    async searchArticles(req: Request, res: Response) {
      const raw = queryString(req, 'q') ?? '';
      const page = pageNumber(req);
      // control characters (NUL and the like) are never part of a search; they would only be echoed
      const query = raw.replace(/\p{Cc}/gu, ' ').trim();
      const meta = {
        title: SITE_MESSAGES.searchTitle,
        description: SITE_MESSAGES.searchDescription,
        path: '/search',
      };
      if (query === '') {
        res.render('search/index', { meta, query, searchQuery: '', state: 'empty' });
        return;
      }
      if (Array.from(query).length > MAX_QUERY_LENGTH) {
        res.status(400).render('search/index', {
          meta,
          query: '',
          searchQuery: '',
          state: 'too-long',
          error: SITE_MESSAGES.searchTooLong(MAX_QUERY_LENGTH),
        });
        return;
      }

      const terms = searchTerms(query);
      const basePath = `/search?q=${encodeURIComponent(query)}`;
      const { total, hits } = await repositories.articles.search(
        terms,
        { limit: RESULTS_PER_PAGE, offset: (page - 1) * RESULTS_PER_PAGE },
        clock(),
      );
      const pagination = paginate(page, total, RESULTS_PER_PAGE, basePath);
      if (page > pagination.totalPages) throw notFound(SITE_MESSAGES.noSuchPage);
      res.render('search/index', {
        meta: {
          title: SITE_MESSAGES.searchResultsTitle(query, page),
          description: SITE_MESSAGES.searchResultsDescription(query, total),
          path: pagination.href,
        },
        query,
        searchQuery: query,
        state: terms.length === 0 ? 'no-terms' : 'results',
        total,
        results: hits.map((hit) => toResult(hit, terms)),
        pagination,
      });
    },
  };
}

/** The title with its hits, and the part of the summary or body that shows why it matched. */
function toResult(article: ArticleSearchHit, terms: readonly SearchTerm[]): SearchResult {
  const summary = excerpt(article.summary, terms, SNIPPET_LENGTH);
  let snippet = summary;
  if (!hasHit(summary)) {
    const body = excerpt(htmlToPlainText(article.bodyHtml), terms, SNIPPET_LENGTH);
    if (hasHit(body) || article.summary.trim() === '') snippet = body;
  }
  return { article, title: highlight(article.title, terms), snippet };
}
