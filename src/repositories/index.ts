// The repository set the app is built on: every storage implementation (src/storage/) provides it.
import type { AppealRepository } from './appeal-repository.js';
import type { ArticlePageRepository } from './article-page-repository.js';
import type { ArticleRepository } from './article-repository.js';
import type { ArticleRevisionRepository } from './article-revision-repository.js';
import type { AuditRepository } from './audit-repository.js';
import type { CaptchaRepository } from './captcha-repository.js';
import type { CategoryRepository } from './category-repository.js';
import type { CommentRepository } from './comment-repository.js';
import type { PageRepository } from './page-repository.js';
import type { PollRepository } from './poll-repository.js';
import type { RankingRepository } from './ranking-repository.js';
import type { RateLimitRepository } from './rate-limit-repository.js';
import type { ReportRepository } from './report-repository.js';
import type { SensitiveWordRepository } from './sensitive-word-repository.js';
import type { SessionRepository } from './session-repository.js';
import type { SettingsRepository } from './settings-repository.js';
import type { StaffRepository } from './staff-repository.js';
import type { SubmissionRepository } from './submission-repository.js';
import type { UploadRepository } from './upload-repository.js';
import type { UserRepository } from './user-repository.js';
import type { ViewStatsRepository } from './view-stats-repository.js';
import type { WorkflowRepository } from './workflow-repository.js';

export interface Repositories {
  appeals: AppealRepository;
  articles: ArticleRepository;
  articlePages: ArticlePageRepository;
  articleRevisions: ArticleRevisionRepository;
  audit: AuditRepository;
  captchas: CaptchaRepository;
  categories: CategoryRepository;
  comments: CommentRepository;
  pages: PageRepository;
  polls: PollRepository;
  rankings: RankingRepository;
  rateLimits: RateLimitRepository;
  reports: ReportRepository;
  sensitiveWords: SensitiveWordRepository;
  sessions: SessionRepository;
  settings: SettingsRepository;
  staff: StaffRepository;
  submissions: SubmissionRepository;
  uploads: UploadRepository;
  users: UserRepository;
  viewStats: ViewStatsRepository;
  workflow: WorkflowRepository;
}
