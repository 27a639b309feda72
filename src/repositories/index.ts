// The repository set the app is built on; a PostgreSQL implementation would provide the same.
import type { Db } from '../db/database.js';
import { type ArticleRepository, SqliteArticleRepository } from './article-repository.js';
import { type ArticleRevisionRepository, SqliteArticleRevisionRepository } from './article-revision-repository.js';
import { type AuditRepository, SqliteAuditRepository } from './audit-repository.js';
import { type CaptchaRepository, SqliteCaptchaRepository } from './captcha-repository.js';
import { type CategoryRepository, SqliteCategoryRepository } from './category-repository.js';
import { type CommentRepository, SqliteCommentRepository } from './comment-repository.js';
import { type ContentChangeRepository, SqliteContentChangeRepository } from './content-change-repository.js';
import { type PageRepository, SqlitePageRepository } from './page-repository.js';
import { type PollRepository, SqlitePollRepository } from './poll-repository.js';
import { type RankingRepository, SqliteRankingRepository } from './ranking-repository.js';
import { type SensitiveWordRepository, SqliteSensitiveWordRepository } from './sensitive-word-repository.js';
import { type SessionRepository, SqliteSessionRepository } from './session-repository.js';
import { type SettingsRepository, SqliteSettingsRepository } from './settings-repository.js';
import { type StaffRepository, SqliteStaffRepository } from './staff-repository.js';
import { type SubmissionRepository, SqliteSubmissionRepository } from './submission-repository.js';
import { type UploadRepository, SqliteUploadRepository } from './upload-repository.js';
import { type UserRepository, SqliteUserRepository } from './user-repository.js';
import { type ViewStatsRepository, SqliteViewStatsRepository } from './view-stats-repository.js';

export interface Repositories {
  articles: ArticleRepository;
  articleRevisions: ArticleRevisionRepository;
  audit: AuditRepository;
  captchas: CaptchaRepository;
  categories: CategoryRepository;
  comments: CommentRepository;
  contentChanges: ContentChangeRepository;
  pages: PageRepository;
  polls: PollRepository;
  rankings: RankingRepository;
  sensitiveWords: SensitiveWordRepository;
  sessions: SessionRepository;
  settings: SettingsRepository;
  staff: StaffRepository;
  submissions: SubmissionRepository;
  uploads: UploadRepository;
  users: UserRepository;
  viewStats: ViewStatsRepository;
}

export function createRepositories(db: Db): Repositories {
  return {
    articles: new SqliteArticleRepository(db),
    articleRevisions: new SqliteArticleRevisionRepository(db),
    audit: new SqliteAuditRepository(db),
    captchas: new SqliteCaptchaRepository(db),
    categories: new SqliteCategoryRepository(db),
    comments: new SqliteCommentRepository(db),
    contentChanges: new SqliteContentChangeRepository(db),
    pages: new SqlitePageRepository(db),
    polls: new SqlitePollRepository(db),
    rankings: new SqliteRankingRepository(db),
    sensitiveWords: new SqliteSensitiveWordRepository(db),
    sessions: new SqliteSessionRepository(db),
    settings: new SqliteSettingsRepository(db),
    staff: new SqliteStaffRepository(db),
    submissions: new SqliteSubmissionRepository(db),
    uploads: new SqliteUploadRepository(db),
    users: new SqliteUserRepository(db),
    viewStats: new SqliteViewStatsRepository(db),
  };
}
