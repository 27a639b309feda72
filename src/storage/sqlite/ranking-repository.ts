// Rankings (点击排行) in SQLite: per-day buckets summed over a span, or all-time totals.
import { visibleAs } from './article-repository.js';
import type { Db } from './database.js';
import type { RankedArticle, DaySpan, RankingQuery, RankingRepository, RankedRow } from '../../repositories/ranking-repository.js';
import { toRanked } from '../../repositories/ranking-repository.js';

const COLUMNS = 'a.id, a.category_id, a.title, a.summary, a.cover_image, a.published_at, a.views';
const VISIBLE = visibleAs('a');
const ORDER = 'ORDER BY period_views DESC, a.published_at DESC, a.id DESC LIMIT @limit';

/**
 * Site-wide: sum the window's buckets per article first, then join the few thousand sums to
 * articles (joining every bucket row to its article before grouping is several times slower).
 */
const IN_DAYS_SQL = `SELECT ${COLUMNS}, d.period_views
  FROM (SELECT article_id, SUM(views) AS period_views FROM article_views_daily
        WHERE day >= @from AND day <= @to GROUP BY article_id) d
  JOIN articles a ON a.id = d.article_id
  WHERE d.period_views > 0 AND ${VISIBLE}
  ORDER BY d.period_views DESC, a.published_at DESC, a.id DESC LIMIT @limit`;

/** One category: start from its articles (category index), then each one's buckets by primary key. */
const IN_DAYS_IN_CATEGORY_SQL = `SELECT ${COLUMNS}, SUM(d.views) AS period_views
  FROM articles a JOIN article_views_daily d ON d.article_id = a.id
  WHERE a.category_id = @categoryId AND d.day >= @from AND d.day <= @to AND ${VISIBLE}
  GROUP BY ${COLUMNS}
  HAVING SUM(d.views) > 0
  ${ORDER}`;

function allTimeSql(categoryFilter: string): string {
  return `SELECT ${COLUMNS}, a.views AS period_views FROM articles a
    WHERE a.views > 0 AND ${VISIBLE}${categoryFilter}
    ${ORDER}`;
}

type SpanParams = { from: string; to: string; now: number; limit: number };
type CategoryParams = { categoryId: number };

export class SqliteRankingRepository implements RankingRepository {
  private readonly inDays;
  private readonly inDaysInCategory;
  private readonly allTime;
  private readonly allTimeInCategory;

  constructor(db: Db) {
    // Standard SQL (every selected column grouped, no SQLite functions) so PostgreSQL accepts it too.
    this.inDays = db.prepare<SpanParams, RankedRow>(IN_DAYS_SQL);
    this.inDaysInCategory = db.prepare<SpanParams & CategoryParams, RankedRow>(IN_DAYS_IN_CATEGORY_SQL);
    this.allTime = db.prepare<{ now: number; limit: number }, RankedRow>(allTimeSql(''));
    this.allTimeInCategory = db.prepare<{ now: number; limit: number } & CategoryParams, RankedRow>(
      allTimeSql(' AND a.category_id = @categoryId'),
    );
  }

  async topInDays(span: DaySpan, query: RankingQuery, now: number): Promise<RankedArticle[]> {
    const params = { from: span.from, to: span.to, now, limit: query.limit };
    const rows =
      query.categoryId === undefined ? this.inDays.all(params) : this.inDaysInCategory.all({ ...params, categoryId: query.categoryId });
    return rows.map(toRanked);
  }

  async topAllTime(query: RankingQuery, now: number): Promise<RankedArticle[]> {
    const params = { now, limit: query.limit };
    const rows =
      query.categoryId === undefined ? this.allTime.all(params) : this.allTimeInCategory.all({ ...params, categoryId: query.categoryId });
    return rows.map(toRanked);
  }
}
