// What the admin controllers are built from: the reader site's context plus the editors'
// services (every editorial action is one of their methods, one transaction each).
import type { ArticleService } from '../services/article-service.js';
import type { AuthService } from '../services/auth-service.js';
import type { CategoryService } from '../services/category-service.js';
import type { TopicService } from '../services/topic-service.js';
import type { CorrectionService } from '../services/correction-service.js';
import type { ImageUploads } from '../services/image-uploads.js';
import type { ModerationService } from '../services/moderation-service.js';
import type { PageService } from '../services/page-service.js';
import type { SettingsService } from '../services/settings-service.js';
import type { StaffService } from '../services/staff-service.js';
import type { UserAdminService } from '../services/user-admin-service.js';
import type { WorkflowService } from '../services/workflow-service.js';
import type { SiteContext } from './site-context.js';

export interface AdminContext extends SiteContext {
  auth: AuthService;
  images: ImageUploads;
  articleService: ArticleService;
  workflowService: WorkflowService;
  correctionService: CorrectionService;
  moderation: ModerationService;
  userAdmin: UserAdminService;
  settingsService: SettingsService;
  categoryService: CategoryService;
  topicService: TopicService;
  staffService: StaffService;
  pageService: PageService;
}
