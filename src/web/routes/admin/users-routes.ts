// /admin/users: path -> handler table of the accounts (mounted behind requireRole('admin')).
import { Router } from 'express';
import type { AdminContext } from '../../admin-context.js';
import { usersController } from '../../controllers/admin/users-controller.js';
import { csrfProtection } from '../../middleware/csrf.js';
import { formBody } from '../../middleware/form-body.js';

export function usersRoutes(context: AdminContext): Router {
  const users = usersController(context);
  const router = Router();
  router.get('/', users.listUsers);
  router.get('/new', users.newUser);
  router.post('/', formBody('8kb'), csrfProtection, users.createUser);
  router.get('/:id/edit', users.editUser);
  router.post('/:id', formBody('8kb'), csrfProtection, users.updateUser);
  router.post('/:id/delete', formBody('8kb'), csrfProtection, users.deleteUser);
  return router;
}
