// What controllers are built from: repositories and the shared services.
import type { Repositories } from '../repositories/index.js';
import type { AddressHasher } from '../services/address-hash.js';
import type { CaptchaService } from '../services/captcha.js';
import type { Clock } from '../services/clock.js';
import type { AppealService } from '../services/appeal-service.js';
import type { ReportService } from '../services/report-service.js';
import type { CommentService } from '../services/comment-service.js';
import type { FrontPage } from '../services/front-page.js';
import type { PollService } from '../services/poll-service.js';
import type { RateLimitService } from '../services/rate-limit-service.js';
import type { SubmissionService } from '../services/submission-service.js';
import type { SharedSnapshot } from '../services/shared-snapshot.js';
import type { SiteChromeService } from '../services/site-chrome.js';
import type { ViewCounter } from '../services/view-counter.js';

export interface SiteContext {
  repositories: Repositories;
  clock: Clock;
  viewCounter: ViewCounter;
  chrome: SiteChromeService;
  /** the home page's lists, shared until content changes */
  frontPage: SharedSnapshot<FrontPage>;
  captchas: CaptchaService;
  commentService: CommentService;
  pollService: PollService;
  submissions: SubmissionService;
  reportService: ReportService;
  appealService: AppealService;
  /** keyed hash of a client address, for per-address limits */
  hashAddress: AddressHasher;
  /** the request-rate limits' counts (log-ins, captchas, 人员查询), shared by every process */
  rateLimits: RateLimitService;
  /** whether the storage answers (/healthz) */
  health: () => Promise<boolean>;
}
