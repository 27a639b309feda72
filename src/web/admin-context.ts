// What the admin controllers are built from: the reader site's context plus the editors'
// services.
import type { AuditLog } from '../services/audit.js';
import type { AuthService } from '../services/auth-service.js';
import type { ImageUploads } from '../services/image-uploads.js';
import type { SiteContext } from './site-context.js';

export interface AdminContext extends SiteContext {
  audit: AuditLog;
  auth: AuthService;
  images: ImageUploads;
}
