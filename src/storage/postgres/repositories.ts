// The repository set on one PostgreSQL pool or transaction client.
import type { Repositories } from '../../repositories/index.js';
import type { Sql } from './sql.js';
import { PostgresAppealRepository } from './appeal-repository.js';
import { PostgresArticlePageRepository } from './article-page-repository.js';
import { PostgresArticleRepository } from './article-repository.js';
import { PostgresArticleRevisionRepository } from './article-revision-repository.js';
import { PostgresAuditRepository } from './audit-repository.js';
import { PostgresCaptchaRepository } from './captcha-repository.js';
import { PostgresCategoryRepository } from './category-repository.js';
import { PostgresCommentRepository } from './comment-repository.js';
import { PostgresPendingChangeRepository } from './pending-change-repository.js';
import { PostgresRelatedRepository } from './related-repository.js';
import { PostgresTagRepository } from './tag-repository.js';
import { PostgresTopicRepository } from './topic-repository.js';
import { PostgresPageRepository } from './page-repository.js';
import { PostgresPollRepository } from './poll-repository.js';
import { PostgresRankingRepository } from './ranking-repository.js';
import { PostgresRateLimitRepository } from './rate-limit-repository.js';
import { PostgresReportRepository } from './report-repository.js';
import { PostgresSensitiveWordRepository } from './sensitive-word-repository.js';
import { PostgresSessionRepository } from './session-repository.js';
import { PostgresSettingsRepository } from './settings-repository.js';
import { PostgresStaffRepository } from './staff-repository.js';
import { PostgresSubmissionRepository } from './submission-repository.js';
import { PostgresUploadRepository } from './upload-repository.js';
import { PostgresUserRepository } from './user-repository.js';
import { PostgresViewStatsRepository } from './view-stats-repository.js';
import { PostgresWorkflowRepository } from './workflow-repository.js';
import { PostgresCorrectionRepository } from './correction-repository.js';

export function createPostgresRepositories(sql: Sql): Repositories {
  return {
    appeals: new PostgresAppealRepository(sql),
    articles: new PostgresArticleRepository(sql),
    articlePages: new PostgresArticlePageRepository(sql),
    articleRevisions: new PostgresArticleRevisionRepository(sql),
    audit: new PostgresAuditRepository(sql),
    captchas: new PostgresCaptchaRepository(sql),
    categories: new PostgresCategoryRepository(sql),
    comments: new PostgresCommentRepository(sql),
    corrections: new PostgresCorrectionRepository(sql),
    pages: new PostgresPageRepository(sql),
    pendingChanges: new PostgresPendingChangeRepository(sql),
    related: new PostgresRelatedRepository(sql),
    tags: new PostgresTagRepository(sql),
    topics: new PostgresTopicRepository(sql),
    polls: new PostgresPollRepository(sql),
    rankings: new PostgresRankingRepository(sql),
    rateLimits: new PostgresRateLimitRepository(sql),
    reports: new PostgresReportRepository(sql),
    sensitiveWords: new PostgresSensitiveWordRepository(sql),
    sessions: new PostgresSessionRepository(sql),
    settings: new PostgresSettingsRepository(sql),
    staff: new PostgresStaffRepository(sql),
    submissions: new PostgresSubmissionRepository(sql),
    uploads: new PostgresUploadRepository(sql),
    users: new PostgresUserRepository(sql),
    viewStats: new PostgresViewStatsRepository(sql),
    workflow: new PostgresWorkflowRepository(sql),
  };
}
