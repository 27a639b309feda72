// The repository set on one SQLite connection (the storage builds one set per connection).
import type { Repositories } from '../../repositories/index.js';
import type { Db } from './database.js';
import { SqliteAppealRepository } from './appeal-repository.js';
import { SqliteArticlePageRepository } from './article-page-repository.js';
import { SqliteArticleRepository } from './article-repository.js';
import { SqliteArticleRevisionRepository } from './article-revision-repository.js';
import { SqliteAuditRepository } from './audit-repository.js';
import { SqliteCaptchaRepository } from './captcha-repository.js';
import { SqliteCategoryRepository } from './category-repository.js';
import { SqliteCommentRepository } from './comment-repository.js';
import { SqlitePendingChangeRepository } from './pending-change-repository.js';
import { SqliteRelatedRepository } from './related-repository.js';
import { SqliteTagRepository } from './tag-repository.js';
import { SqliteTopicRepository } from './topic-repository.js';
import { SqlitePageRepository } from './page-repository.js';
import { SqlitePollRepository } from './poll-repository.js';
import { SqliteRankingRepository } from './ranking-repository.js';
import { SqliteRateLimitRepository } from './rate-limit-repository.js';
import { SqliteReportRepository } from './report-repository.js';
import { SqliteSensitiveWordRepository } from './sensitive-word-repository.js';
import { SqliteSessionRepository } from './session-repository.js';
import { SqliteSettingsRepository } from './settings-repository.js';
import { SqliteStaffRepository } from './staff-repository.js';
import { SqliteSubmissionRepository } from './submission-repository.js';
import { SqliteUploadRepository } from './upload-repository.js';
import { SqliteUserRepository } from './user-repository.js';
import { SqliteViewStatsRepository } from './view-stats-repository.js';
import { SqliteWorkflowRepository } from './workflow-repository.js';
import { SqliteCorrectionRepository } from './correction-repository.js';

export function createSqliteRepositories(db: Db): Repositories {
  const articles = new SqliteArticleRepository(db);
  const comments = new SqliteCommentRepository(db);
  return {
    appeals: new SqliteAppealRepository(db),
    articles,
    articlePages: new SqliteArticlePageRepository(db, articles, comments),
    articleRevisions: new SqliteArticleRevisionRepository(db),
    audit: new SqliteAuditRepository(db),
    captchas: new SqliteCaptchaRepository(db),
    categories: new SqliteCategoryRepository(db),
    comments,
    corrections: new SqliteCorrectionRepository(db),
    pages: new SqlitePageRepository(db),
    pendingChanges: new SqlitePendingChangeRepository(db),
    related: new SqliteRelatedRepository(db),
    tags: new SqliteTagRepository(db),
    topics: new SqliteTopicRepository(db),
    polls: new SqlitePollRepository(db),
    rankings: new SqliteRankingRepository(db),
    rateLimits: new SqliteRateLimitRepository(db),
    reports: new SqliteReportRepository(db),
    sensitiveWords: new SqliteSensitiveWordRepository(db),
    sessions: new SqliteSessionRepository(db),
    settings: new SqliteSettingsRepository(db),
    staff: new SqliteStaffRepository(db),
    submissions: new SqliteSubmissionRepository(db),
    uploads: new SqliteUploadRepository(db),
    users: new SqliteUserRepository(db),
    viewStats: new SqliteViewStatsRepository(db),
    workflow: new SqliteWorkflowRepository(db),
  };
}
