// Rankings (点击排行) in PostgreSQL: per-day buckets summed over a span, or all-time totals.
import { visibleAs } from './article-repository.js';
import type { RankedArticle, DaySpan, RankingQuery, RankingRepository, RankedRow } from '../../repositories/ranking-repository.js';
import { toRanked } from '../../repositories/ranking-repository.js';
import type { Sql } from './sql.js';

const COLUMNS = 'a.id, a.category_id, a.title, a.summary, a.cover_image, a.published_at, a.views';
const VISIBLE = visibleAs('a');
/** $2 is always the limit */
const ORDER = 'ORDER BY period_views DESC, a.published_at DESC, a.id DESC LIMIT $2';

/**
 * Site-wide: sum the window's buckets per article first (day index), then join the sums to
 * articles, rather than joining every bucket row to its article before grouping.
 */
const IN_DAYS_SQL = `SELECT ${COLUMNS}, d.period_views
  FROM (SELECT article_id, SUM(views) AS period_views FROM article_views_daily
        WHERE day >= $3 AND day <= $4 GROUP BY article_id) d
  JOIN articles a ON a.id = d.article_id
  WHERE d.period_views > 0 AND ${VISIBLE}
  ORDER BY d.period_views DESC, a.published_at DESC, a.id DESC LIMIT $2`;

/** One category: start from its articles (category index), then each one's buckets by primary key. */
const IN_DAYS_IN_CATEGORY_SQL = `SELECT ${COLUMNS}, SUM(d.views) AS period_views
  FROM articles a JOIN article_views_daily d ON d.article_id = a.id
  WHERE a.category_id = $5 AND d.day >= $3 AND d.day <= $4 AND ${VISIBLE}
  GROUP BY ${COLUMNS}
  HAVING SUM(d.views) > 0
  ${ORDER}`;

const ALL_TIME_SQL = `SELECT ${COLUMNS}, a.views AS period_views FROM articles a
  WHERE a.views > 0 AND ${VISIBLE}
  ${ORDER}`;

const ALL_TIME_IN_CATEGORY_SQL = `SELECT ${COLUMNS}, a.views AS period_views FROM articles a
  WHERE a.views > 0 AND ${VISIBLE} AND a.category_id = $3
  ${ORDER}`;

export class PostgresRankingRepository implements RankingRepository {
  constructor(private readonly sql: Sql) {}

  async topInDays(span: DaySpan, query: RankingQuery, now: number): Promise<RankedArticle[]> {
    const values = [now, query.limit, span.from, span.to];
    const rows =
      query.categoryId === undefined
        ? await this.sql.rows<RankedRow>(IN_DAYS_SQL, values)
        : await this.sql.rows<RankedRow>(IN_DAYS_IN_CATEGORY_SQL, [...values, query.categoryId]);
    return rows.map(toRanked);
  }

  async topAllTime(query: RankingQuery, now: number): Promise<RankedArticle[]> {
    const values = [now, query.limit];
    const rows =
      query.categoryId === undefined
        ? await this.sql.rows<RankedRow>(ALL_TIME_SQL, values)
        : await this.sql.rows<RankedRow>(ALL_TIME_IN_CATEGORY_SQL, [...values, query.categoryId]);
    return rows.map(toRanked);
  }
}
