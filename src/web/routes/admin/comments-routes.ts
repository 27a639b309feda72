// /admin/comments: path -> handler table (to be filled in).
import { Router } from 'express';
import type { AdminContext } from '../../admin-context.js';

export function commentsRoutes(_context: AdminContext): Router {
  return Router();
}
