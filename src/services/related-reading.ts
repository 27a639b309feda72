// 相关阅读, computed from the search index with no hand tagging. An article's key terms are the
// bigrams (and Latin words) of its title and summary, title terms weighing more. Each term is
// looked up in the index; a term found in many articles says little (its weight falls with how
// common it is, inverse document frequency), one found in more than a quarter of them is
// dropped. An article sharing enough of the weighted terms is related; the same category comes
// first, then the better match, then the newer. Computed when an article is saved and refreshed
// periodically (RelatedSchedule), never per render: a page only reads the stored list, filtered
// for visibility there.
import { searchTerms, type SearchTerm } from '../lib/search-tokens.js';
import type { TermHit } from '../repositories/search-repository.js';
import type { Clock } from './clock.js';
import type { StorageAccess } from './storage-access.js';

export const RELATED_MAX = 6;
const TITLE_WEIGHT = 3;
const SUMMARY_WEIGHT = 1;
/** the most weighted terms looked up per article */
const TERMS_MAX = 24;
/** a term in more than this share of the articles is too common to tell anything */
const COMMON_SHARE = 0.25;
/** never look at more articles per term than this */
const HITS_PER_TERM_MAX = 200;
/** an article must share at least this share of what a perfect match would score … */
const MIN_SCORE_SHARE = 0.15;
/** … and at least this many key terms (one shared word is a coincidence) */
const MIN_SHARED_TERMS = 2;
/**
 * Newsroom boilerplate that headlines share without sharing a subject (记者调查, 近日, 如何 …):
 * never key terms, however rare they happen to be on a small site.
 */
const STOP_TERMS = new Set(
  (
    '记者 本网 报道 调查 追踪 近日 日前 今年 去年 目前 相关 部门 表示 发现 如何 什么 这样 怎样 能否 是否 不能 已经 ' +
    '我们 他们 一年 一个 多方 为何 为什么 谁来 这个 那个 背后 之后 以来 进行 开展 推进 加强 持续 全面'
  ).split(' '),
);
/** lists older than this are computed again by the periodic refresh */
export const RELATED_REFRESH_AFTER_MS = 12 * 60 * 60_000;

export interface WeightedTerm {
  term: SearchTerm;
  weight: number;
}

/** One term per token: the bigrams of CJK runs (single characters say too little), whole Latin words. */
function tokenTerms(text: string): SearchTerm[] {
  const terms: SearchTerm[] = [];
  for (const term of searchTerms(text)) {
    if (term.kind === 'word') {
      if (term.text.length >= 2 && !/^\d+$/.test(term.text)) terms.push(term);
    } else if (term.text.length >= 2) {
      for (const token of term.tokens) if (!STOP_TERMS.has(token)) terms.push({ kind: 'cjk', text: token, tokens: [token] });
    }
  }
  return terms;
}

/** The key terms of an article, heaviest first (title before summary among equals). */
export function keyTerms(title: string, summary: string): WeightedTerm[] {
  const weights = new Map<string, WeightedTerm>();
  const add = (text: string, weight: number) => {
    for (const term of tokenTerms(text)) {
      const known = weights.get(term.text);
      if (known) known.weight += weight;
      else weights.set(term.text, { term, weight });
    }
  };
  add(title, TITLE_WEIGHT);
  add(summary, SUMMARY_WEIGHT);
  return [...weights.values()].sort((a, b) => b.weight - a.weight).slice(0, TERMS_MAX);
}

/** How many articles a term may be found in and still count, for `total` visible articles. */
export function hitsLimit(total: number): number {
  return Math.max(3, Math.min(HITS_PER_TERM_MAX, Math.floor(total * COMMON_SHARE)));
}

/**
 * The related articles of `self`, best first: each key term's hits (at most `limit` + 1 looked
 * up: more means the term is too common), weighted by rarity among `total` visible articles.
 */
export function rankRelated(
  self: { id: number; categoryId: number },
  looked: readonly { weight: number; hits: readonly TermHit[] }[],
  total: number,
  limit: number,
): number[] {
  const scores = new Map<number, { hit: TermHit; score: number; shared: number }>();
  let perfect = 0;
  for (const { weight, hits } of looked) {
    const others = hits.filter((hit) => hit.id !== self.id);
    if (others.length === 0 || others.length > limit) continue;
    const value = weight * Math.log(1 + total / others.length);
    perfect += value;
    for (const hit of others) {
      const entry = scores.get(hit.id) ?? { hit, score: 0, shared: 0 };
      entry.score += value;
      entry.shared += 1;
      scores.set(hit.id, entry);
    }
  }
  const sameCategory = (hit: TermHit) => (hit.categoryId === self.categoryId ? 1 : 0);
  return [...scores.values()]
    .filter((entry) => entry.shared >= MIN_SHARED_TERMS && entry.score >= perfect * MIN_SCORE_SHARE)
    .sort(
      (a, b) =>
        sameCategory(b.hit) - sameCategory(a.hit) || b.score - a.score || b.hit.publishedAt - a.hit.publishedAt || b.hit.id - a.hit.id,
    )
    .slice(0, RELATED_MAX)
    .map((entry) => entry.hit.id);
}

export class RelatedReading {
  constructor(
    private readonly storage: StorageAccess,
    private readonly clock: Clock,
  ) {}

  /** Computes the article's list again and stores it (false: no such article, or the list is the same). */
  async refresh(articleId: number): Promise<boolean> {
    const { repositories } = this.storage;
    const article = await repositories.articles.findById(articleId);
    if (!article || article.deletedAt !== null) return false;
    const now = this.clock();
    const total = await repositories.articles.countVisible(undefined, now);
    const limit = hitsLimit(total);
    const looked = [];
    for (const { term, weight } of keyTerms(article.title, article.summary)) {
      looked.push({ weight, hits: await repositories.articles.headlinesWith(term, limit + 2, now) });
    }
    const related = rankRelated(article, looked, total, limit);
    return this.storage.transaction((tx) => tx.related.replace(articleId, related, now));
  }

  /** Refreshes up to `batch` visible articles whose lists are the oldest; returns how many it looked at. */
  async refreshStale(batch: number): Promise<number> {
    const now = this.clock();
    const ids = await this.storage.repositories.related.listStale(now - RELATED_REFRESH_AFTER_MS, batch, now);
    for (const id of ids) {
      await this.refresh(id);
      // SQLite answers synchronously: give way to requests between articles
      await new Promise((resolve) => setImmediate(resolve));
    }
    return ids.length;
  }
}
