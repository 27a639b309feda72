// /admin/staff: path -> handler table of the staff records (人员查询) section.
import { Router } from 'express';
import type { AdminContext } from '../../admin-context.js';
import { staffController } from '../../controllers/admin/staff-controller.js';
import { csrfProtection } from '../../middleware/csrf.js';
import { formBody } from '../../middleware/form-body.js';
import { optionalImageUpload } from '../../middleware/image-upload.js';

export function staffRoutes(context: AdminContext): Router {
  const staff = staffController(context);
  const form = [formBody('16kb'), csrfProtection];
  // create and edit are multipart: they may carry a photo
  const withPhoto = [optionalImageUpload('photoFile', { fields: 12, fieldSize: 4 * 1024 }), csrfProtection];
  const router = Router();
  router.get('/', staff.listStaff);
  router.get('/new', staff.showNewStaff);
  router.post('/', ...withPhoto, staff.createStaff);
  router.get('/:id/edit', staff.showEditStaff);
  router.post('/:id', ...withPhoto, staff.updateStaff);
  router.post('/:id/delete', ...form, staff.deleteStaff);
  return router;
}
